#!/usr/bin/env python3
"""Turns labelled articles into chat-format fine-tuning data for the newsflow-summarizer adapter.

Input: JSON lines {"id", "article", "summary", "importance"} (importance in [0, 1]; "reference" is
accepted for "summary", so CNN/DailyMail-style files need no rewriting).
Output: JSON lines {"id", "prompt": [system, user], "completion": [assistant]}, the conversational
prompt-completion format of TRL's SFTTrainer, which then computes the loss on the completion only.

The system and user turns come from the served prompt (model_repository/summarizer/1/prompt.json)
and the article is prepared as the summarizer model prepares it (special-token strings removed,
cut to max_article_tokens word pieces of the base model), so the adapter is trained on exactly the
prompts it will see. The assistant turn is the answer format the server parses:
{"summary": "...", "importance": 0.42}.

Usage:
  python3 training/build_sft_data.py IN.jsonl OUT.jsonl --tokenizer /weights/Qwen2.5-7B-Instruct \
      [--exclude HELD_OUT.jsonl ...] [--max-article-tokens 6000]
Without --tokenizer (no transformers installed) articles are not cut and no special tokens are
removed; use that only for a quick look at the data.
"""

import argparse
import json
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROMPT = os.path.join(os.path.dirname(HERE), "model_repository", "summarizer", "1", "prompt.json")
PLACEHOLDER = "{{ARTICLE}}"


class Builder:
    def __init__(self, prompt, tokenizer=None, max_article_tokens=6000, merge_system=None):
        self.system = prompt["system"]
        self.user = prompt["user"]
        self.tokenizer = tokenizer
        self.max_article_tokens = max_article_tokens
        self.special_tokens = sorted(
            {t for t in getattr(tokenizer, "all_special_tokens", []) if t}, key=len, reverse=True
        )
        if merge_system is None:
            merge_system = tokenizer is not None and not takes_system_role(tokenizer)
        self.merge_system = merge_system

    def prepare_article(self, article):
        """The same steps as the summarizer model's prepare_article()."""
        for token in self.special_tokens:
            article = article.replace(token, " ")
        article = article.strip()
        if self.tokenizer is not None:
            ids = self.tokenizer.encode(article, add_special_tokens=False)
            if len(ids) > self.max_article_tokens:
                article = self.tokenizer.decode(
                    ids[: self.max_article_tokens], skip_special_tokens=True
                ).strip()
        return article

    def example(self, article, summary, importance):
        """{"prompt": [...], "completion": [...]} for one labelled article."""
        user = self.user.replace(PLACEHOLDER, self.prepare_article(article))
        answer = json.dumps(
            {"summary": " ".join(summary.split()), "importance": round(float(importance), 2)},
            ensure_ascii=False,
        )
        if self.merge_system:
            prompt = [{"role": "user", "content": self.system + "\n\n" + user}]
        else:
            prompt = [{"role": "system", "content": self.system}, {"role": "user", "content": user}]
        return {"prompt": prompt, "completion": [{"role": "assistant", "content": answer}]}


def takes_system_role(tokenizer):
    try:
        tokenizer.apply_chat_template(
            [{"role": "system", "content": "s"}, {"role": "user", "content": "u"}],
            tokenize=False, add_generation_prompt=True,
        )
        return True
    except Exception:
        return False


def read_ids(paths):
    ids = set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    ids.add(str(json.loads(line).get("id")))
    return ids


def label_problem(record):
    if not isinstance(record.get("article"), str) or not record["article"].strip():
        return "no article"
    summary = record.get("summary", record.get("reference"))
    if not isinstance(summary, str) or not summary.strip():
        return "no summary"
    importance = record.get("importance")
    if isinstance(importance, bool) or not isinstance(importance, (int, float)):
        return "no numeric importance"
    if not (math.isfinite(importance) and 0.0 <= importance <= 1.0):
        return "importance outside [0, 1]"
    return None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--tokenizer", help="base model directory or id (transformers)")
    parser.add_argument("--prompt", default=PROMPT)
    parser.add_argument("--max-article-tokens", type=int, default=6000)
    parser.add_argument("--exclude", action="append", default=[],
                        help="JSON lines whose ids must not be trained on (held-out sets)")
    args = parser.parse_args(argv)

    with open(args.prompt, encoding="utf-8") as f:
        prompt = json.load(f)
    tokenizer = None
    if args.tokenizer:
        from transformers import AutoTokenizer

        tokenizer = AutoTokenizer.from_pretrained(args.tokenizer)
    builder = Builder(prompt, tokenizer, args.max_article_tokens)
    excluded = read_ids(args.exclude)

    written, skipped = 0, {}
    with open(args.input, encoding="utf-8") as source, \
            open(args.output, "w", encoding="utf-8") as target:
        for number, line in enumerate(source, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            problem = "held out" if str(record.get("id")) in excluded else label_problem(record)
            if problem:
                skipped[problem] = skipped.get(problem, 0) + 1
                continue
            summary = record.get("summary", record.get("reference"))
            example = {"id": record.get("id", number)}
            example.update(builder.example(record["article"], summary, record["importance"]))
            target.write(json.dumps(example, ensure_ascii=False) + "\n")
            written += 1
    print(f"{written} examples -> {args.output}; skipped {skipped or 'none'} "
          f"(prompt {prompt.get('version')})", file=sys.stderr)


if __name__ == "__main__":
    main()
