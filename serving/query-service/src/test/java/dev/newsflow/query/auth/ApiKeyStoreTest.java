package dev.newsflow.query.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyStoreTest {

    @TempDir Path dir;

    @Test
    void issuedKeyAuthenticatesItsUserAndTheFileHoldsOnlyItsSaltedHash() throws Exception {
        // Given
        Path file = dir.resolve("keys.json");
        String alice = CreateApiKey.create(file, "alice", Role.USER);
        String ana = CreateApiKey.create(file, "ana", Role.ANALYST);

        // When
        ApiKeyStore store = ApiKeyStore.load(file);

        // Then
        assertThat(store.size()).isEqualTo(2);
        assertThat(store.authenticate(alice)).contains(new ApiUser("alice", Role.USER));
        assertThat(store.authenticate(ana)).contains(new ApiUser("ana", Role.ANALYST));
        String stored = Files.readString(file);
        String aliceSecret = alice.substring(alice.lastIndexOf('_') + 1);
        assertThat(stored).doesNotContain(aliceSecret).contains("sha256", "salt", "alice");
    }

    @Test
    void wrongUnknownOrMalformedKeysAuthenticateNobody() throws Exception {
        ApiKeys.IssuedKey issued = ApiKeys.issue("bob", Role.USER);
        ApiKeyStore store = new ApiKeyStore(java.util.List.of(issued.entry()));
        String key = issued.key();

        assertThat(store.authenticate(key)).isPresent();
        assertThat(store.authenticate(key + "x")).isEmpty();
        assertThat(store.authenticate(key.substring(0, key.length() - 1) + "A")).isEmpty();
        assertThat(store.authenticate("nf_unknownid_" + key.substring(key.lastIndexOf('_') + 1)))
                .isEmpty();
        assertThat(store.authenticate("")).isEmpty();
        assertThat(store.authenticate("nf_")).isEmpty();
        assertThat(store.authenticate("nf_abc_")).isEmpty();
        assertThat(store.authenticate(null)).isEmpty();
    }

    @Test
    void equalSecretsHashDifferentlyUnderDifferentSalts() {
        assertThat(ApiKeys.hash("salt-1", "secret")).isNotEqualTo(ApiKeys.hash("salt-2", "secret"));
        assertThat(ApiKeys.hash("salt-1", "secret")).hasSize(64);
    }

    @Test
    void missingFileIsAnEmptyStoreAndAMalformedOneIsRefused() throws Exception {
        assertThat(ApiKeyStore.load(dir.resolve("absent.json")).size()).isZero();
        assertThat(ApiKeyStore.load(null).size()).isZero();
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"keys\":[{\"keyId\":\"k\"}]}");
        assertThatThrownBy(() -> ApiKeyStore.load(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.json");
    }

    @Test
    void analystMayDoWhatAUserMayButNotTheReverse() {
        assertThat(Role.ANALYST.allows(Role.USER)).isTrue();
        assertThat(Role.ANALYST.allows(Role.ANALYST)).isTrue();
        assertThat(Role.USER.allows(Role.USER)).isTrue();
        assertThat(Role.USER.allows(Role.ANALYST)).isFalse();
    }
}
