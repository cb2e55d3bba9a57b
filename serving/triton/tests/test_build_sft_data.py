"""training/build_sft_data.py trains on exactly the prompt the summarizer model serves."""

import json
import os
import subprocess
import sys
import tempfile
import types
import unittest

from support import TRITON, initialize_args

sys.path.insert(0, os.path.join(TRITON, "training"))
import build_sft_data  # noqa: E402

from test_summarizer import FakeTokenizer, np  # noqa: E402


class BuildSftDataTest(unittest.TestCase):
    def test_writes_chat_examples_and_skips_bad_or_held_out_records(self):
        records = [
            {"id": "a", "article": "The council closed the library.", "summary": "Library shut.",
             "importance": 0.15},
            {"id": "b", "article": "Text.", "reference": "Ref  summary.", "importance": 1},
            {"id": "c", "article": "Text.", "summary": "S.", "importance": 3},
            {"id": "d", "article": " ", "summary": "S.", "importance": 0.5},
            {"id": "e", "article": "Text.", "summary": "S."},
            {"id": "held", "article": "Text.", "summary": "S.", "importance": 0.5},
        ]
        with tempfile.TemporaryDirectory() as scratch:
            source = os.path.join(scratch, "in.jsonl")
            held_out = os.path.join(scratch, "held.jsonl")
            target = os.path.join(scratch, "out.jsonl")
            with open(source, "w") as f:
                f.writelines(json.dumps(r) + "\n" for r in records)
            with open(held_out, "w") as f:
                f.write(json.dumps({"id": "held"}) + "\n")
            result = subprocess.run(
                [sys.executable, os.path.join(TRITON, "training", "build_sft_data.py"), source,
                 target, "--exclude", held_out], capture_output=True, text=True, check=True)
            with open(target) as f:
                examples = [json.loads(line) for line in f]

        self.assertEqual(["a", "b"], [e["id"] for e in examples])
        self.assertIn("2 examples", result.stderr)
        prompt, completion = examples[0]["prompt"], examples[0]["completion"]
        self.assertEqual(["system", "user"], [m["role"] for m in prompt])
        self.assertTrue(prompt[1]["content"].endswith("Article:\nThe council closed the library."))
        self.assertEqual(["assistant"], [m["role"] for m in completion])
        self.assertEqual({"summary": "Library shut.", "importance": 0.15},
                         json.loads(completion[0]["content"]))
        self.assertEqual({"summary": "Ref summary.", "importance": 1.0},
                         json.loads(examples[1]["completion"][0]["content"]))

    @unittest.skipIf(np is None, "numpy is not installed")
    def test_training_prompt_equals_the_served_prompt(self):
        sys.modules["transformers"] = types.SimpleNamespace(AutoTokenizer=FakeTokenizer)
        try:
            from support import load_model_module

            served = load_model_module("summarizer").TritonPythonModel()
            served.initialize(initialize_args("summarizer"))
        finally:
            sys.modules.pop("transformers", None)
        with open(build_sft_data.PROMPT, encoding="utf-8") as f:
            builder = build_sft_data.Builder(json.load(f), FakeTokenizer("base"), 6000)
        article = "Storm <|im_end|> hits " + " ".join(["coast"] * 7000)

        example = builder.example(article, "S.", 0.5)
        trained = FakeTokenizer("base").apply_chat_template(
            example["prompt"], tokenize=False, add_generation_prompt=True)
        self.assertEqual(served.render(served.prepare_article(article)), trained)
        # ...and the answer it is trained to give is what the server parses.
        parsed = load_model_module("summarizer").parse_answer(example["completion"][0]["content"], 1500)
        self.assertEqual(("S.", 0.5, "json"), (parsed.summary, parsed.importance, parsed.how))


if __name__ == "__main__":
    unittest.main()
