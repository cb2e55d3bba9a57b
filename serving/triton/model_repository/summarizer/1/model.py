"""`summarizer`: the jobs' summarization contract in front of the vLLM-served 7B model.

Input  TEXT        BYTES [batch, 1]  one article per row (title first, then the text), UTF-8
Output SUMMARY     BYTES [batch, 1]  two or three sentences in the article's language
       IMPORTANCE  FP32  [batch, 1]  0..1 as rated by the model; NaN where it gave no usable rating

Same model name and tensors as the local CPU server (docs/inference.md), so TritonClient works
against either. For each article this model (Business Logic Scripting):

1. cuts the article to `max_article_tokens` with the base model's tokenizer and removes the
   tokenizer's special-token strings from it (an article must not be able to close the chat turn);
2. renders the chat prompt from prompt.json with the base model's chat template, exactly as the
   LoRA training data was rendered (training/build_sft_data.py);
3. calls `summarizer_llm` (vLLM backend) with `text_input` and `sampling_parameters`
   (temperature, top_p, max_tokens and `lora_name`, which selects the fine-tuned adapter listed in
   multi_lora.json);
4. parses the answer {"summary": "...", "importance": 0.0}; a truncated or malformed answer is
   salvaged where possible and logged.

All articles of all requests in one execute() are in flight together, and vLLM's continuous
batching runs them as one batch; instances (config.pbtxt) bound how many execute() calls overlap.
"""

import asyncio
import json
import math
import os
import re
from typing import NamedTuple

import numpy as np
import triton_python_backend_utils as pb_utils

PLACEHOLDER = "{{ARTICLE}}"
WHITESPACE = re.compile(r"\s+")
SUMMARY_FIELD = re.compile(r'"summary"\s*:\s*"((?:[^"\\]|\\.)*)', re.S)
IMPORTANCE_FIELD = re.compile(r'"importance"\s*:\s*"?(-?[0-9]+(?:\.[0-9]+)?)')
FENCE = re.compile(r"^```[a-zA-Z]*\s*|\s*```$")


class Answer(NamedTuple):
    summary: str
    importance: float  # NaN: no usable rating
    how: str  # "json", "salvaged", "text", "unparsed" or "empty": how the answer was read


class LlmError(Exception):
    """A failed call to the LLM model, with the Triton error code to answer with."""

    def __init__(self, message, code):
        super().__init__(message)
        self.code = code


class TritonPythonModel:
    def initialize(self, args):
        self.logger = pb_utils.Logger
        self.model_config = json.loads(args["model_config"])
        params = {
            k: v["string_value"] for k, v in self.model_config.get("parameters", {}).items()
        }
        self.llm_model = params.get("llm_model", "summarizer_llm")
        self.lora_name = params.get("lora_name", "").strip() or None
        self.max_article_tokens = int(params.get("max_article_tokens", "6000"))
        self.max_summary_chars = int(params.get("max_summary_chars", "1500"))
        self.has_importance = any(
            output["name"] == "IMPORTANCE" for output in self.model_config["output"]
        )

        version_dir = os.path.join(args["model_repository"], args["model_version"])
        with open(
            os.path.join(version_dir, params.get("prompt_file", "prompt.json")), encoding="utf-8"
        ) as f:
            prompt = json.load(f)
        if PLACEHOLDER not in prompt["user"]:
            raise pb_utils.TritonModelException(f"prompt 'user' lacks the {PLACEHOLDER} slot")
        self.system_template = prompt["system"]
        self.user_template = prompt["user"]
        self.prompt_version = prompt.get("version", "unversioned")

        engine = read_engine_args(args["model_repository"], self.llm_model)
        base_model = (
            params.get("base_model", "").strip() or engine.get("tokenizer") or engine.get("model")
        )
        if not base_model:
            raise pb_utils.TritonModelException(
                f"set the 'base_model' parameter: {self.llm_model}'s model.json was not found"
            )
        self.tokenizer = load_tokenizer(base_model)
        self.special_tokens = sorted(
            {t for t in self.tokenizer.all_special_tokens if t}, key=len, reverse=True
        )
        self.system_role = self._chat_template_takes_system_role()

        sampling = {
            "temperature": float(params.get("temperature", "0.0")),
            "top_p": float(params.get("top_p", "1.0")),
            "max_tokens": int(params.get("max_tokens", "384")),
        }
        if self.lora_name:
            sampling["lora_name"] = self.lora_name
        if params.get("guided_decoding", "false").lower() == "true":
            # A JSON string value: older vLLM backends json.loads() it into GuidedDecodingParams,
            # newer ones map it to structured_outputs.
            sampling["guided_decoding"] = json.dumps({"json": prompt["response_schema"]})
        self.sampling_parameters = json.dumps(sampling)

        # A prompt that does not fit max_model_len fails in vLLM, and with it the whole request.
        overhead = len(self.tokenizer.encode(self.render(""), add_special_tokens=False))
        budget = overhead + self.max_article_tokens + sampling["max_tokens"]
        max_model_len = int(engine.get("max_model_len", params.get("max_model_len", "0")) or 0)
        if max_model_len and budget > max_model_len:
            raise pb_utils.TritonModelException(
                f"prompt ({overhead}) + max_article_tokens ({self.max_article_tokens}) + "
                f"max_tokens ({sampling['max_tokens']}) = {budget} exceeds max_model_len "
                f"{max_model_len} of {self.llm_model}"
            )
        self.logger.log_info(
            f"summarizer: {self.llm_model} via {base_model}, adapter {self.lora_name or '(none)'}, "
            f"prompt {self.prompt_version} ({overhead} tokens), sampling {self.sampling_parameters}"
        )

    async def execute(self, requests):
        # One response per request, in order; the articles of all requests run concurrently.
        return list(await asyncio.gather(*(self._respond(request) for request in requests)))

    async def _respond(self, request):
        is_cancelled = getattr(request, "is_cancelled", None)
        if is_cancelled is not None and is_cancelled():
            return error_response("summarizer: request cancelled", pb_utils.TritonError.CANCELLED)
        try:
            articles = decode_texts(pb_utils.get_input_tensor_by_name(request, "TEXT"))
        except ValueError as e:
            return error_response(f"summarizer: {e}", pb_utils.TritonError.INVALID_ARG)

        results = await asyncio.gather(
            *(self.summarize(article) for article in articles), return_exceptions=True
        )
        for result in results:
            if isinstance(result, LlmError):
                return error_response(f"summarizer: {result}", result.code)
            if isinstance(result, Exception):
                # A defect here fails this request only, not the others batched with it.
                self.logger.log_error(f"summarizer: {type(result).__name__}: {result}")
                return error_response(
                    f"summarizer: {type(result).__name__}: {result}",
                    pb_utils.TritonError.INTERNAL,
                )
        for index, answer in enumerate(results):
            if answer.how not in ("json", "empty"):
                self.logger.log_warn(
                    f"summarizer: answer {index} of request {request.request_id()!r} "
                    f"read as {answer.how}"
                )

        summaries = np.array([a.summary.encode("utf-8") for a in results], dtype=np.object_)
        outputs = [pb_utils.Tensor("SUMMARY", summaries.reshape(-1, 1))]
        if self.has_importance:
            importance = np.array([a.importance for a in results], dtype=np.float32)
            outputs.append(pb_utils.Tensor("IMPORTANCE", importance.reshape(-1, 1)))
        return pb_utils.InferenceResponse(output_tensors=outputs)

    async def summarize(self, article):
        """The Answer for one article; raises LlmError when the LLM call fails."""
        article = self.prepare_article(article)
        if not article:
            return Answer("", math.nan, "empty")
        prompt = self.render(article)
        request = pb_utils.InferenceRequest(
            model_name=self.llm_model,
            requested_output_names=["text_output"],
            inputs=[
                pb_utils.Tensor("text_input", np.array([prompt.encode("utf-8")], np.object_)),
                pb_utils.Tensor("stream", np.array([False], dtype=bool)),
                pb_utils.Tensor("exclude_input_in_output", np.array([True], dtype=bool)),
                pb_utils.Tensor(
                    "sampling_parameters",
                    np.array([self.sampling_parameters.encode("utf-8")], np.object_),
                ),
            ],
        )
        pieces = []
        # vLLM is a decoupled model: an iterator of responses, the last one possibly empty.
        for response in await request.async_exec(decoupled=True):
            if response.has_error():
                raise llm_error(self.llm_model, response.error())
            output = pb_utils.get_output_tensor_by_name(response, "text_output")
            if output is not None:
                pieces.extend(as_str(v) for v in output.as_numpy().reshape(-1))
        text = "".join(pieces)
        if text.startswith(prompt):
            # Backends older than exclude_input_in_output echo the prompt first.
            text = text[len(prompt):]
        return parse_answer(text, self.max_summary_chars)

    def prepare_article(self, article):
        """Strips, removes special-token strings and cuts to max_article_tokens word pieces."""
        for token in self.special_tokens:
            article = article.replace(token, " ")
        article = article.strip()
        ids = self.tokenizer.encode(article, add_special_tokens=False)
        if len(ids) > self.max_article_tokens:
            # News puts the substance first; the cut drops the tail.
            article = self.tokenizer.decode(
                ids[: self.max_article_tokens], skip_special_tokens=True
            ).strip()
        return article

    def render(self, article):
        """The full prompt string for one (prepared) article."""
        user = self.user_template.replace(PLACEHOLDER, article)
        if self.system_role:
            messages = [
                {"role": "system", "content": self.system_template},
                {"role": "user", "content": user},
            ]
        else:
            messages = [{"role": "user", "content": self.system_template + "\n\n" + user}]
        return self.tokenizer.apply_chat_template(
            messages, tokenize=False, add_generation_prompt=True
        )

    def _chat_template_takes_system_role(self):
        # Some templates (older Mistral ones) reject a system turn; those get it merged into the
        # user turn, as training/build_sft_data.py does for the same template.
        try:
            self.tokenizer.apply_chat_template(
                [{"role": "system", "content": "s"}, {"role": "user", "content": "u"}],
                tokenize=False,
                add_generation_prompt=True,
            )
            return True
        except Exception:  # jinja2 TemplateError and friends, raised by the template itself
            return False

    def finalize(self):
        self.tokenizer = None


def parse_answer(text, max_chars):
    """Reads the model's {"summary": ..., "importance": ...} answer, as leniently as is safe."""
    text = FENCE.sub("", text.strip()).strip()
    start = text.find("{")
    if start >= 0:
        try:
            value, _ = json.JSONDecoder().raw_decode(text[start:])
        except json.JSONDecodeError:
            value = None
        if isinstance(value, dict) and isinstance(value.get("summary"), str):
            return Answer(
                clean_summary(value["summary"], max_chars), importance_of(value.get("importance")),
                "json",
            )
    match = SUMMARY_FIELD.search(text)
    if match:
        # Typically an answer cut off by max_tokens: keep the summary read so far.
        try:
            summary = json.loads('"' + match.group(1) + '"')
        except json.JSONDecodeError:
            summary = match.group(1)
        rating = IMPORTANCE_FIELD.search(text)
        return Answer(
            clean_summary(summary, max_chars),
            importance_of(rating.group(1)) if rating else math.nan,
            "salvaged",
        )
    if start >= 0 or not text:
        # JSON-looking text without a summary is not a summary; better none than garbage.
        return Answer("", math.nan, "unparsed")
    return Answer(clean_summary(text, max_chars), math.nan, "text")


def importance_of(value):
    """A rating in [0, 1], or NaN for anything else (out of range, not a number, missing)."""
    if isinstance(value, bool) or value is None:
        return math.nan
    try:
        rating = float(value)
    except (TypeError, ValueError):
        return math.nan
    return rating if 0.0 <= rating <= 1.0 else math.nan


def clean_summary(summary, max_chars):
    summary = WHITESPACE.sub(" ", summary).strip()
    if len(summary) <= max_chars:
        return summary
    cut = summary[: max_chars - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > max_chars // 2 else cut).rstrip() + "\u2026"


def decode_texts(tensor):
    """The request's TEXT tensor as a list of str; ValueError names a row that is not UTF-8."""
    if tensor is None:
        raise ValueError("input TEXT is missing")
    texts = []
    for row, value in enumerate(tensor.as_numpy().reshape(-1)):
        try:
            texts.append(as_str(value))
        except UnicodeDecodeError as e:
            raise ValueError(f"TEXT[{row}] is not valid UTF-8 ({e.reason} at byte {e.start})")
    return texts


def as_str(value):
    return value if isinstance(value, str) else bytes(value).decode("utf-8")


def error_response(message, code):
    return pb_utils.InferenceResponse(error=pb_utils.TritonError(message, code))


def llm_error(model, error):
    """Maps a BLS error: a missing or unhealthy LLM is worth a retry, anything else is not."""
    code = error.code() if hasattr(error, "code") else pb_utils.TritonError.INTERNAL
    if code in (pb_utils.TritonError.NOT_FOUND, pb_utils.TritonError.UNAVAILABLE):
        code = pb_utils.TritonError.UNAVAILABLE
    elif code != pb_utils.TritonError.CANCELLED:
        code = pb_utils.TritonError.INTERNAL
    return LlmError(f"{model}: {error.message()}", code)


def read_engine_args(model_repository, llm_model):
    """The LLM's model.json (highest version) when it sits beside this model, else {}."""
    llm_dir = os.path.join(os.path.dirname(os.path.normpath(model_repository)), llm_model)
    versions = [d for d in os.listdir(llm_dir) if d.isdigit()] if os.path.isdir(llm_dir) else []
    if not versions:
        return {}
    path = os.path.join(llm_dir, max(versions, key=int), "model.json")
    if not os.path.isfile(path):
        return {}
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def load_tokenizer(base_model):
    # transformers ships with vLLM in the -vllm-python-py3 image; imported here so that a
    # missing package fails the model load with a clear message.
    try:
        from transformers import AutoTokenizer
    except ImportError as e:
        raise pb_utils.TritonModelException(f"summarizer needs transformers: {e}")
    return AutoTokenizer.from_pretrained(base_model)
