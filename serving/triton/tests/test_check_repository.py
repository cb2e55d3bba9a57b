"""tools/check_repository.py: the shipped repository passes, and each kind of mistake is caught."""

import os
import shutil
import tempfile
import unittest

from support import REPOSITORY, check_repository


class CheckRepositoryTest(unittest.TestCase):
    def setUp(self):
        self.scratch = tempfile.mkdtemp()
        self.repository = os.path.join(self.scratch, "model_repository")
        shutil.copytree(REPOSITORY, self.repository,
                        ignore=shutil.ignore_patterns("*.onnx", "__pycache__"))

    def tearDown(self):
        shutil.rmtree(self.scratch)

    def edit(self, relative, old, new):
        path = os.path.join(self.repository, relative)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self.assertIn(old, text, f"test setup: {old!r} not in {relative}")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new, 1))

    def errors(self):
        errors, _, _ = check_repository.check_repository(self.repository)
        return "\n".join(errors)

    def test_shipped_repository_has_no_errors(self):
        errors, _, configs = check_repository.check_repository(REPOSITORY)
        self.assertEqual([], errors)
        self.assertEqual(
            {"embedder", "embedder_tokenizer", "embedder_onnx", "summarizer", "summarizer_llm"},
            set(configs),
        )

    def test_parses_values_as_triton_would_see_them(self):
        errors, _, configs = check_repository.check_repository(REPOSITORY)
        onnx = configs["embedder_onnx"]
        self.assertEqual([16, 32, 64], onnx["dynamic_batching"]["preferred_batch_size"])
        self.assertEqual(2000, onnx["dynamic_batching"]["max_queue_delay_microseconds"])
        self.assertEqual("KIND_GPU", onnx["instance_group"][0]["kind"])
        llm = configs["summarizer_llm"]
        self.assertTrue(llm["model_transaction_policy"]["decoupled"])
        self.assertEqual(
            "newsflow-summarizer", configs["summarizer"]["parameters"]["lora_name"]["string_value"]
        )

    def test_unbalanced_brace_is_a_syntax_error(self):
        self.edit("embedder/config.pbtxt", "ensemble_scheduling {", "ensemble_scheduling {{")
        self.assertIn("embedder/config.pbtxt: line", self.errors())

    def test_misspelled_field(self):
        self.edit("embedder_onnx/config.pbtxt", "max_queue_delay_microseconds",
                  "max_queue_delay_micros")
        self.assertIn("ModelDynamicBatching has no field 'max_queue_delay_micros'", self.errors())

    def test_unknown_enum_value(self):
        self.edit("embedder_onnx/config.pbtxt", "kind: KIND_GPU", "kind: GPU")
        self.assertIn("GPU is not a Kind value", self.errors())

    def test_scalar_without_colon(self):
        self.edit("summarizer/config.pbtxt", "max_batch_size: 32", "max_batch_size 32")
        self.assertIn("scalar field needs ':'", self.errors())

    def test_ensemble_maps_a_tensor_nobody_produces(self):
        self.edit("embedder/config.pbtxt", 'input_map { key: "attention_mask" value: '
                  '"attention_mask" }', 'input_map { key: "attention_mask" value: "mask" }')
        self.assertIn("'mask' is not produced before this step", self.errors())

    def test_ensemble_type_mismatch(self):
        self.edit("embedder_onnx/config.pbtxt", 'name: "sentence_embedding"\n    data_type: '
                  'TYPE_FP32', 'name: "sentence_embedding"\n    data_type: TYPE_FP16')
        self.assertIn("output 'EMBEDDING' is TYPE_FP16, declared TYPE_FP32", self.errors())

    def test_step_batch_smaller_than_ensemble(self):
        self.edit("embedder_tokenizer/config.pbtxt", "max_batch_size: 128", "max_batch_size: 64")
        self.assertIn("max_batch_size below the ensemble's 128", self.errors())

    def test_adapter_name_must_be_in_multi_lora(self):
        self.edit("summarizer_llm/1/multi_lora.json", '"newsflow-summarizer"', '"other"')
        self.assertIn("lora_name 'newsflow-summarizer' is not a key", self.errors())

    def test_vllm_model_must_not_batch(self):
        self.edit("summarizer_llm/config.pbtxt", "max_batch_size: 0", "max_batch_size: 8")
        self.assertIn("max_batch_size must be 0", self.errors())

    def test_client_contract(self):
        self.edit("embedder/config.pbtxt", "dims: [ 384 ]", "dims: [ 768 ]")
        self.assertIn("EMBEDDING is TYPE_FP32 [768], the client needs TYPE_FP32 [384]",
                      self.errors())

    def test_client_token_mode_and_vllm_contract(self):
        self.edit("embedder_onnx/config.pbtxt", 'name: "token_type_ids"', 'name: "segment_ids"')
        self.edit("summarizer_llm/config.pbtxt", 'name: "text_output"', 'name: "output"')
        errors = self.errors()
        self.assertIn("contract: embedder_onnx lacks input token_type_ids", errors)
        self.assertIn("contract: summarizer_llm lacks output text_output", errors)

    def test_python_syntax_error(self):
        self.edit("summarizer/1/model.py", "async def execute(self, requests):",
                  "async def execute(self, requests)")
        self.assertIn("summarizer/1/model.py", self.errors())


if __name__ == "__main__":
    unittest.main()
