"""The embedder ensemble's two steps run on the CPU: the real tokenizer model.py, then the generated
model.onnx in ONNX Runtime, chained as the ensemble chains them.

Needs numpy, tokenizers, onnxruntime and onnx, and the files from tools/prepare_embedder.py;
skipped (with the reason) otherwise.
"""

import os
import unittest

from support import REPOSITORY, initialize_args, pb_utils, text_request

TOKENIZER = os.path.join(REPOSITORY, "embedder_tokenizer", "1", "tokenizer.json")
ONNX = os.path.join(REPOSITORY, "embedder_onnx", "1", "model.onnx")

try:
    import numpy as np
    import onnx
    import onnxruntime
    import tokenizers  # noqa: F401  (the tokenizer model imports it)

    MISSING = None
except ImportError as e:
    MISSING = f"{e.name} is not installed"
if MISSING is None and not (os.path.isfile(TOKENIZER) and os.path.isfile(ONNX)):
    MISSING = "run tools/prepare_embedder.py first"

NEWS = [
    "Parliament approves the flood barrier after a night-long debate.",
    "Die Zentralbank hebt den Leitzins um 0,25 Prozentpunkte an.",
    "",
    "短讯：台风预计周五登陆，沿海学校停课。",
    "Quarterly results: revenue up 12 % to $4.1bn; shares jump 8 % in after-hours trading. " * 30,
]


@unittest.skipIf(MISSING is not None, MISSING or "")
class EmbedderPipelineTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        from support import load_model_module

        cls.tokenizer = load_model_module("embedder_tokenizer").TritonPythonModel()
        cls.tokenizer.initialize(initialize_args("embedder_tokenizer"))
        cls.session = onnxruntime.InferenceSession(ONNX, providers=["CPUExecutionProvider"])
        # The same graph with the transformer's hidden states exposed, for a numpy reference.
        model = onnx.load(ONNX)
        model.graph.output.append(onnx.helper.make_tensor_value_info(
            "last_hidden_state", onnx.TensorProto.FLOAT, ["batch", "seq", 384]))
        cls.reference = onnxruntime.InferenceSession(
            model.SerializeToString(), providers=["CPUExecutionProvider"])

    def tokenize(self, texts):
        response = self.tokenizer.execute([text_request(texts)])[0]
        self.assertFalse(response.has_error(), response.error())
        return {t.name(): t.as_numpy() for t in response.output_tensors()}

    def embed(self, texts):
        return self.session.run(["sentence_embedding"], self.tokenize(texts))[0]

    def test_word_pieces_padded_to_multiples_of_64_and_cut_at_256(self):
        features = self.tokenize(NEWS)

        ids, mask = features["input_ids"], features["attention_mask"]
        self.assertEqual((5, 256), ids.shape)
        self.assertEqual(np.int64, ids.dtype)
        self.assertTrue((features["token_type_ids"] == 0).all())
        lengths = mask.sum(axis=1)
        self.assertEqual(256, lengths[4])  # the long one is cut at the window
        self.assertEqual(2, lengths[2])  # "" is [CLS] [SEP]
        for row, length in enumerate(lengths):
            self.assertEqual(101, ids[row, 0])  # [CLS]
            self.assertEqual(102, ids[row, length - 1])  # [SEP]
            self.assertTrue((ids[row, length:] == 0).all())  # [PAD]
        short = self.tokenize(NEWS[:2])["input_ids"]
        self.assertEqual((2, 64), short.shape)

    def test_invalid_utf8_is_an_invalid_argument(self):
        response = self.tokenizer.execute([text_request([b"ok", b"\xc3\x28"])])[0]
        self.assertTrue(response.has_error())
        self.assertEqual(pb_utils.TritonError.INVALID_ARG, response.error().code())
        self.assertIn("TEXT[1]", response.error().message())

    def test_graph_pooling_equals_masked_mean_then_l2(self):
        features = self.tokenize(NEWS)
        pooled, hidden = self.reference.run(["sentence_embedding", "last_hidden_state"], features)

        mask = features["attention_mask"][..., None].astype(np.float64)
        mean = (hidden * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)
        expected = mean / np.linalg.norm(mean, axis=1, keepdims=True)
        np.testing.assert_allclose(expected, pooled, atol=1e-5)
        np.testing.assert_allclose(np.ones(5), np.linalg.norm(pooled, axis=1), atol=1e-5)

    def test_padding_and_batch_neighbours_do_not_change_a_vector(self):
        alone = self.embed(NEWS[:1])[0]
        in_batch = self.embed(NEWS)[0]  # padded from 64 to 256 by its long neighbour
        self.assertGreater(float(alone @ in_batch), 0.99999)

    def test_similar_news_is_closer_than_unrelated_news(self):
        vectors = self.embed([
            "The central bank raised interest rates by a quarter point.",
            "Interest rates were increased by the central bank by 0.25 percentage points.",
            "The striker scored twice in the cup final.",
        ])
        self.assertGreater(vectors[0] @ vectors[1], vectors[0] @ vectors[2] + 0.3)


if __name__ == "__main__":
    unittest.main()
