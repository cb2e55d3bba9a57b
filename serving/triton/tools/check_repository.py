#!/usr/bin/env python3
"""Checks the Triton model repository without Triton, a GPU or any package (standard library only).

1. Every config.pbtxt parses as protobuf text format, and every field name, enum value and value
   type exists in Triton's ModelConfig message (model_config.proto; the subset below covers all
   top-level fields and the nested messages this repository uses; the rest are syntax-checked).
2. Each model is complete: its name is its directory, a numeric version directory exists, with
   model.py (compiled), model.json / multi_lora.json (valid JSON) or model.onnx as its backend needs.
3. The wiring holds: ensemble steps name existing models, map existing tensors of equal type, and
   produce every ensemble output; batch sizes fit; the summarizer's LLM, adapter and BLS tensors
   exist; the vLLM model is decoupled and unbatched.
4. The jobs' client contract (TritonClient): `embedder` TEXT -> EMBEDDING FP32 [384],
   `summarizer` TEXT -> SUMMARY, both BYTES [1] with batching; in token mode `embedder_onnx`
   input_ids, attention_mask, token_type_ids INT64 [-1] -> sentence_embedding FP32 [384], batching;
   on the vLLM path `summarizer_llm` text_input, stream, sampling_parameters,
   exclude_input_in_output -> text_output, unbatched.

Usage: python3 tools/check_repository.py [REPOSITORY]   (exit status 1 on any error)
"""

import json
import os
import py_compile
import re
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_REPOSITORY = os.path.join(os.path.dirname(HERE), "model_repository")

# ---- protobuf text format ---------------------------------------------------------------------

TOKEN = re.compile(
    r"""(?P<ws>\s+|\#[^\n]*)
      | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
      | (?P<number>[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?[fF]?)
      | (?P<ident>-?[A-Za-z_][A-Za-z0-9_.]*)
      | (?P<punct>[{}\[\]<>:,;])""",
    re.X,
)


class ParseError(Exception):
    pass


def tokenize(text):
    tokens, pos, line = [], 0, 1
    while pos < len(text):
        match = TOKEN.match(text, pos)
        if not match:
            raise ParseError(f"line {line}: unexpected character {text[pos]!r}")
        kind = match.lastgroup
        if kind != "ws":
            tokens.append((kind, match.group(), line))
        line += match.group().count("\n")
        pos = match.end()
    return tokens


class Parser:
    """Recursive descent over the token list: a message is a list of (name, value, line)."""

    def __init__(self, text):
        self.tokens = tokenize(text)
        self.i = 0

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else ("eof", "", -1)

    def take(self, expected=None):
        token = self.peek()
        if token[0] == "eof" or (expected is not None and token[1] != expected):
            line = token[2] if token[2] > 0 else (self.tokens[-1][2] if self.tokens else 1)
            raise ParseError(f"line {line}: expected {expected or 'a token'}, found {token[1]!r}")
        self.i += 1
        return token

    def message(self, closing=None):
        fields = []
        while self.peek()[1] != closing and self.peek()[0] != "eof":
            kind, name, line = self.take()
            if kind != "ident":
                raise ParseError(f"line {line}: expected a field name, found {name!r}")
            has_colon = self.peek()[1] == ":"
            if has_colon:
                self.take(":")
            if self.peek()[1] == "[":
                self.take("[")
                while self.peek()[1] != "]":
                    fields.append((name, self.value(has_colon), line))
                    if self.peek()[1] == ",":
                        self.take(",")
                    elif self.peek()[1] != "]":
                        raise ParseError(f"line {self.peek()[2]}: expected ',' or ']' in list")
                self.take("]")
            else:
                fields.append((name, self.value(has_colon), line))
            if self.peek()[1] in (",", ";"):
                self.take()
        if closing is not None:
            self.take(closing)
        elif self.peek()[0] != "eof":
            raise ParseError(f"line {self.peek()[2]}: unexpected {self.peek()[1]!r}")
        return fields

    def value(self, has_colon):
        kind, text, line = self.peek()
        if text in ("{", "<"):
            self.take()
            return Message(self.message("}" if text == "{" else ">"))
        if not has_colon:
            raise ParseError(f"line {line}: scalar field needs ':' before {text!r}")
        self.take()
        if kind == "string":
            parts = [text]
            while self.peek()[0] == "string":  # adjacent strings concatenate
                parts.append(self.take()[1])
            return Scalar("string", "".join(p[1:-1] for p in parts), line)
        if kind in ("number", "ident"):
            return Scalar(kind, text, line)
        raise ParseError(f"line {line}: expected a value, found {text!r}")


class Message(list):
    pass


class Scalar:
    def __init__(self, kind, text, line):
        self.kind, self.text, self.line = kind, text, line

    def __repr__(self):
        return self.text


# ---- the ModelConfig schema (subset of model_config.proto) --------------------------------------

DATA_TYPES = {
    "TYPE_INVALID", "TYPE_BOOL", "TYPE_UINT8", "TYPE_UINT16", "TYPE_UINT32", "TYPE_UINT64",
    "TYPE_INT8", "TYPE_INT16", "TYPE_INT32", "TYPE_INT64", "TYPE_FP16", "TYPE_FP32", "TYPE_FP64",
    "TYPE_STRING", "TYPE_BF16",
}
ENUMS = {
    "DataType": DATA_TYPES,
    "Kind": {"KIND_AUTO", "KIND_GPU", "KIND_CPU", "KIND_MODEL"},
    "Format": {"FORMAT_NONE", "FORMAT_NHWC", "FORMAT_NCHW"},
    "ModelPriority": {"PRIORITY_DEFAULT", "PRIORITY_MAX", "PRIORITY_MIN"},
    "TimeoutAction": {"REJECT", "DELAY"},
}
OPAQUE = "opaque"  # a real ModelConfig field whose content this checker only syntax-checks
S, I, U, F, B = "string", "int", "uint", "float", "bool"
SCHEMA = {
    "ModelConfig": {
        "name": S, "platform": S, "backend": S, "runtime": S,
        "version_policy": "ModelVersionPolicy", "max_batch_size": I,
        "input": "ModelInput", "output": "ModelOutput", "batch_input": OPAQUE,
        "batch_output": OPAQUE, "optimization": "ModelOptimizationPolicy",
        "dynamic_batching": "ModelDynamicBatching", "sequence_batching": OPAQUE,
        "ensemble_scheduling": "ModelEnsembling", "instance_group": "ModelInstanceGroup",
        "default_model_filename": S, "cc_model_filenames": "map:string",
        "metric_tags": "map:string", "parameters": "map:ModelParameter",
        "model_warmup": OPAQUE, "model_operations": OPAQUE,
        "model_transaction_policy": "ModelTransactionPolicy",
        "model_repository_agents": OPAQUE, "response_cache": "ModelResponseCache",
        "model_metrics": OPAQUE,
    },
    "ModelVersionPolicy": {"latest": "Latest", "all": "All", "specific": "Specific"},
    "Latest": {"num_versions": U},
    "All": {},
    "Specific": {"versions": I},
    "ModelInput": {
        "name": S, "data_type": "enum:DataType", "format": "enum:Format", "dims": I,
        "reshape": "ModelTensorReshape", "is_shape_tensor": B, "allow_ragged_batch": B,
        "optional": B, "is_non_linear_format_io": B,
    },
    "ModelOutput": {
        "name": S, "data_type": "enum:DataType", "dims": I, "reshape": "ModelTensorReshape",
        "label_filename": S, "is_shape_tensor": B, "is_non_linear_format_io": B,
    },
    "ModelTensorReshape": {"shape": I},
    "ModelInstanceGroup": {
        "name": S, "kind": "enum:Kind", "count": I, "rate_limiter": OPAQUE, "gpus": I,
        "secondary_devices": OPAQUE, "profile": S, "passive": B, "host_policy": S,
    },
    "ModelDynamicBatching": {
        "preferred_batch_size": I, "max_queue_delay_microseconds": U, "preserve_ordering": B,
        "priority_levels": U, "default_priority_level": U,
        "default_queue_policy": "ModelQueuePolicy", "priority_queue_policy": OPAQUE,
    },
    "ModelQueuePolicy": {
        "timeout_action": "enum:TimeoutAction", "default_timeout_microseconds": U,
        "allow_timeout_override": B, "max_queue_size": U,
    },
    "ModelEnsembling": {"step": "Step", "max_inflight_responses": U},
    "Step": {
        "model_name": S, "model_version": I, "input_map": "map:string",
        "output_map": "map:string", "model_namespace": S,
    },
    "ModelParameter": {"string_value": S},
    "ModelTransactionPolicy": {"decoupled": B},
    "ModelResponseCache": {"enable": B},
    "ModelOptimizationPolicy": {
        "graph": "Graph", "priority": "enum:ModelPriority", "cuda": OPAQUE,
        "execution_accelerators": "ExecutionAccelerators", "input_pinned_memory": "Pinned",
        "output_pinned_memory": "Pinned", "gather_kernel_buffer_threshold": U,
        "eager_batching": B,
    },
    "Graph": {"level": I},
    "Pinned": {"enable": B},
    "ExecutionAccelerators": {
        "gpu_execution_accelerator": "Accelerator", "cpu_execution_accelerator": "Accelerator",
    },
    "Accelerator": {"name": S, "parameters": "map:string"},
}
SINGULAR_MESSAGES = {  # message-typed fields that may appear once (others are repeated)
    "version_policy", "optimization", "dynamic_batching", "sequence_batching",
    "ensemble_scheduling", "model_operations", "model_transaction_policy",
    "model_repository_agents", "response_cache", "model_metrics", "reshape", "latest", "all",
    "specific", "default_queue_policy", "graph", "execution_accelerators",
    "input_pinned_memory", "output_pinned_memory", "rate_limiter",
}
REPEATED_SCALARS = {"dims", "shape", "preferred_batch_size", "gpus", "versions", "profile"}


def convert(fields, message_type, path, errors):
    """The parsed fields as a dict (repeated -> list, maps -> dict), schema errors collected."""
    schema = SCHEMA[message_type]
    out = {}
    for name, value, line in fields:
        where = f"{path}{name} (line {line})"
        kind = schema.get(name)
        if kind is None:
            errors.append(f"{where}: {message_type} has no field '{name}'")
            continue
        if kind == OPAQUE:
            out.setdefault(name, []).append(value)
            continue
        if kind.startswith("map:"):
            entry = map_entry(value, kind[4:], where, errors)
            if entry is not None:
                out.setdefault(name, {})
                if entry[0] in out[name]:
                    errors.append(f"{where}: duplicate key {entry[0]!r}")
                out[name][entry[0]] = entry[1]
            continue
        if kind in SCHEMA:
            if not isinstance(value, Message):
                errors.append(f"{where}: expected a {{ }} block")
                continue
            converted = convert(value, kind, f"{path}{name}.", errors)
            if name in SINGULAR_MESSAGES:
                if name in out:
                    errors.append(f"{where}: '{name}' given twice")
                out[name] = converted
            else:
                out.setdefault(name, []).append(converted)
            continue
        scalar = scalar_value(value, kind, where, errors)
        if name in REPEATED_SCALARS:
            out.setdefault(name, []).append(scalar)
        elif name in out:
            errors.append(f"{where}: '{name}' given twice")
        else:
            out[name] = scalar
    return out


def map_entry(value, value_kind, where, errors):
    if not isinstance(value, Message):
        errors.append(f"{where}: a map entry needs {{ key: ... value: ... }}")
        return None
    entry = {n: v for n, v, _ in value}
    if set(entry) != {"key", "value"}:
        errors.append(f"{where}: a map entry has exactly 'key' and 'value', found {sorted(entry)}")
        return None
    key = scalar_value(entry["key"], S, where, errors)
    if value_kind == "string":
        return key, scalar_value(entry["value"], S, where, errors)
    if not isinstance(entry["value"], Message):
        errors.append(f"{where}: map value must be a {{ }} block")
        return None
    return key, convert(entry["value"], value_kind, f"{where}[{key}].", errors)


def scalar_value(value, kind, where, errors):
    if isinstance(value, Message):
        errors.append(f"{where}: expected a {kind}, found a block")
        return None
    text = value.text
    if kind == S:
        if value.kind != "string":
            errors.append(f"{where}: expected a quoted string, found {text}")
        return text
    if kind.startswith("enum:"):
        if text not in ENUMS[kind[5:]]:
            errors.append(f"{where}: {text} is not a {kind[5:]} value")
        return text
    if kind == B:
        if text.lower() not in ("true", "false", "1", "0", "t", "f"):
            errors.append(f"{where}: {text} is not a bool")
        return text.lower() in ("true", "1", "t")
    if kind in (I, U):
        if value.kind != "number" or not re.fullmatch(r"[-+]?\d+", text):
            errors.append(f"{where}: {text} is not an integer")
            return 0
        number = int(text)
        if kind == U and number < 0:
            errors.append(f"{where}: {text} must not be negative")
        return number
    if kind == F:
        try:
            return float(text.rstrip("fF"))
        except ValueError:
            errors.append(f"{where}: {text} is not a number")
            return 0.0
    raise AssertionError(kind)


def load_config(path, errors):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        fields = Parser(text).message()
    except ParseError as e:
        errors.append(f"{path}: {e}")
        return None
    found = []
    config = convert(fields, "ModelConfig", "", found)
    errors.extend(f"{path}: {e}" for e in found)
    return config


# ---- repository checks ------------------------------------------------------------------------


def tensors(config, kind):
    return {t["name"]: t for t in config.get(kind, [])}


def check_repository(repository):
    errors, warnings, configs = [], [], {}
    names = sorted(
        d for d in os.listdir(repository)
        if os.path.isfile(os.path.join(repository, d, "config.pbtxt"))
    )
    if not names:
        errors.append(f"{repository}: no model directory with a config.pbtxt")
    for name in names:
        config = load_config(os.path.join(repository, name, "config.pbtxt"), errors)
        if config is not None:
            configs[name] = config
    for name, config in configs.items():
        check_model(repository, name, config, errors, warnings)
    for name, config in configs.items():
        if config.get("platform") == "ensemble":
            check_ensemble(name, config, configs, errors)
    check_summarizer(repository, configs, errors)
    check_contract(configs, errors)
    return errors, warnings, configs


def check_model(repository, name, config, errors, warnings):
    where = f"{name}/config.pbtxt"
    if config.get("name") != name:
        errors.append(f"{where}: name {config.get('name')!r} differs from its directory")
    backend, platform = config.get("backend"), config.get("platform")
    if bool(backend) == bool(platform):
        errors.append(f"{where}: set exactly one of backend or platform")
    max_batch = config.get("max_batch_size", 0)
    if max_batch < 0:
        errors.append(f"{where}: max_batch_size must be >= 0")
    for kind in ("input", "output"):
        for tensor in config.get(kind, []):
            label = f"{where}: {kind} {tensor.get('name')!r}"
            if not tensor.get("name") or not tensor.get("data_type"):
                errors.append(f"{label} needs a name and a data_type")
            dims = tensor.get("dims", [])
            if not dims or any(d == 0 or d < -1 for d in dims):
                errors.append(f"{label}: dims {dims} must be non-empty, each -1 or > 0")
    batching = config.get("dynamic_batching")
    if batching is not None:
        if max_batch == 0:
            errors.append(f"{where}: dynamic_batching needs max_batch_size > 0")
        for size in batching.get("preferred_batch_size", []):
            if not 0 < size <= max_batch:
                errors.append(f"{where}: preferred_batch_size {size} outside 1..{max_batch}")
    for group in config.get("instance_group", []):
        if group.get("count", 1) < 1:
            errors.append(f"{where}: instance_group count must be >= 1")

    model_dir = os.path.join(repository, name)
    versions = sorted((d for d in os.listdir(model_dir) if d.isdigit()), key=int)
    if not versions:
        errors.append(f"{name}: no numeric version directory (an ensemble needs an empty one)")
        return
    version_dir = os.path.join(model_dir, versions[-1])
    if backend == "python":
        check_python(os.path.join(version_dir, "model.py"), errors)
    elif backend == "onnxruntime":
        if not os.path.isfile(os.path.join(version_dir, config.get("default_model_filename",
                                                                   "model.onnx"))):
            warnings.append(f"{name}: {versions[-1]}/model.onnx not generated yet "
                            f"(python3 tools/prepare_embedder.py)")
    elif backend == "vllm":
        check_vllm(name, config, version_dir, errors)


def check_python(path, errors):
    if not os.path.isfile(path):
        errors.append(f"{path}: missing")
        return
    with tempfile.TemporaryDirectory() as scratch:
        try:
            py_compile.compile(path, cfile=os.path.join(scratch, "model.pyc"), doraise=True)
        except py_compile.PyCompileError as e:
            errors.append(f"{path}: {e.msg}")
    with open(path, encoding="utf-8") as f:
        source = f.read()
    for needed in ("class TritonPythonModel", "def execute("):
        if needed not in source:
            errors.append(f"{path}: lacks '{needed}'")


def read_json(path, errors):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        errors.append(f"{path}: {e}")
        return None


def check_vllm(name, config, version_dir, errors):
    where = f"{name}/config.pbtxt"
    if config.get("max_batch_size", 0) != 0:
        errors.append(f"{where}: the vLLM backend batches itself; max_batch_size must be 0")
    if not config.get("model_transaction_policy", {}).get("decoupled"):
        errors.append(f"{where}: the vLLM backend needs model_transaction_policy decoupled")
    engine = read_json(os.path.join(version_dir, "model.json"), errors)
    if engine is None:
        return
    if not engine.get("model"):
        errors.append(f"{name}/model.json: 'model' is required")
    utilization = engine.get("gpu_memory_utilization", 0.9)
    if not 0 < utilization <= 1:
        errors.append(f"{name}/model.json: gpu_memory_utilization {utilization} not in (0, 1]")
    if str(engine.get("enable_lora", "false")).lower() == "true":
        loras = read_json(os.path.join(version_dir, "multi_lora.json"), errors)
        if loras is not None:
            if not loras or not all(isinstance(v, str) and os.path.isabs(v)
                                    for v in loras.values()):
                errors.append(f"{name}/multi_lora.json: map adapter names to absolute paths")
        if engine.get("max_lora_rank") not in (8, 16, 32, 64, 128, 256):
            errors.append(f"{name}/model.json: max_lora_rank must be one of vLLM's ranks")


def check_ensemble(name, config, configs, errors):
    where = f"{name}/config.pbtxt"
    available = {n: t["data_type"] for n, t in tensors(config, "input").items()}
    max_batch = config.get("max_batch_size", 0)
    for index, step in enumerate(config.get("ensemble_scheduling", {}).get("step", [])):
        label = f"{where}: step {index} ({step.get('model_name')})"
        step_config = configs.get(step.get("model_name"))
        if step_config is None:
            errors.append(f"{label}: no such model in the repository")
            continue
        if step_config.get("max_batch_size", 0) < max_batch:
            errors.append(f"{label}: max_batch_size below the ensemble's {max_batch}")
        inputs, outputs = tensors(step_config, "input"), tensors(step_config, "output")
        input_map, output_map = step.get("input_map", {}), step.get("output_map", {})
        for model_input, tensor in inputs.items():
            if model_input not in input_map and not tensor.get("optional"):
                errors.append(f"{label}: required input {model_input!r} is not mapped")
        for model_input, source in input_map.items():
            if model_input not in inputs:
                errors.append(f"{label}: the model has no input {model_input!r}")
            elif source not in available:
                errors.append(f"{label}: {source!r} is not produced before this step")
            elif available[source] != inputs[model_input]["data_type"]:
                errors.append(f"{label}: {source!r} is {available[source]}, input "
                              f"{model_input!r} wants {inputs[model_input]['data_type']}")
        for model_output, target in output_map.items():
            if model_output not in outputs:
                errors.append(f"{label}: the model has no output {model_output!r}")
            else:
                available[target] = outputs[model_output]["data_type"]
    for output, tensor in tensors(config, "output").items():
        if output not in available:
            errors.append(f"{where}: no step produces output {output!r}")
        elif available[output] != tensor["data_type"]:
            errors.append(f"{where}: output {output!r} is {available[output]}, declared "
                          f"{tensor['data_type']}")


def check_summarizer(repository, configs, errors):
    config = configs.get("summarizer")
    if config is None or config.get("backend") != "python":
        return
    params = {k: v.get("string_value", "") for k, v in config.get("parameters", {}).items()}
    llm = params.get("llm_model", "summarizer_llm")
    llm_config = configs.get(llm)
    if llm_config is None:
        errors.append(f"summarizer: llm_model {llm!r} is not in the repository")
        return
    declared = tensors(llm_config, "input")
    for used in ("text_input", "stream", "exclude_input_in_output", "sampling_parameters"):
        if used not in declared:
            errors.append(f"{llm}/config.pbtxt: lacks input {used!r}, which summarizer sends")
    if "text_output" not in tensors(llm_config, "output"):
        errors.append(f"{llm}/config.pbtxt: lacks output 'text_output'")
    lora = params.get("lora_name", "")
    if lora:
        loras = read_json(os.path.join(repository, llm, "1", "multi_lora.json"), [])
        if not loras or lora not in loras:
            errors.append(f"summarizer: lora_name {lora!r} is not a key of "
                          f"{llm}/1/multi_lora.json")
    prompt = read_json(os.path.join(repository, "summarizer", "1",
                                    params.get("prompt_file", "prompt.json")), errors)
    if prompt is not None and "{{ARTICLE}}" not in prompt.get("user", ""):
        errors.append("summarizer: the prompt's 'user' template lacks {{ARTICLE}}")


# What dev.newsflow.inference.client.TritonClient sends and reads, and whether the model must batch
# (the client sends [n, ...]) or take unbatched requests (the vLLM backend, one prompt each).
TOKENS = ("TYPE_INT64", [-1])
CONTRACT = {
    "embedder": ({"TEXT": ("TYPE_STRING", [1])}, {"EMBEDDING": ("TYPE_FP32", [384])}, True),
    "summarizer": ({"TEXT": ("TYPE_STRING", [1])}, {"SUMMARY": ("TYPE_STRING", [1])}, True),
    # Token mode (TokenizedEmbeddings).
    "embedder_onnx": (
        {"input_ids": TOKENS, "attention_mask": TOKENS, "token_type_ids": TOKENS},
        {"sentence_embedding": ("TYPE_FP32", [384])},
        True,
    ),
    # The vLLM path (VllmSummaries).
    "summarizer_llm": (
        {
            "text_input": ("TYPE_STRING", [1]),
            "stream": ("TYPE_BOOL", [1]),
            "sampling_parameters": ("TYPE_STRING", [1]),
            "exclude_input_in_output": ("TYPE_BOOL", [1]),
        },
        {"text_output": ("TYPE_STRING", [-1])},
        False,
    ),
}


def check_contract(configs, errors):
    for name, (inputs, outputs, batched) in CONTRACT.items():
        config = configs.get(name)
        if config is None:
            errors.append(f"contract: model {name!r} is missing")
            continue
        if batched and config.get("max_batch_size", 0) < 1:
            errors.append(f"contract: {name} must batch (the client sends [n, ...])")
        for kind, expected in (("input", inputs), ("output", outputs)):
            actual = tensors(config, kind)
            for tensor, (data_type, dims) in expected.items():
                found = actual.get(tensor)
                if found is None:
                    errors.append(f"contract: {name} lacks {kind} {tensor}")
                elif (found["data_type"], found.get("dims")) != (data_type, dims):
                    errors.append(f"contract: {name} {kind} {tensor} is {found['data_type']} "
                                  f"{found.get('dims')}, the client needs {data_type} {dims}")
        required = [t for t, spec in tensors(config, "input").items()
                    if t not in inputs and not spec.get("optional")]
        if required:
            errors.append(f"contract: {name} requires inputs the client never sends: {required}")


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    repository = os.path.abspath(argv[0] if argv else DEFAULT_REPOSITORY)
    errors, warnings, configs = check_repository(repository)
    for name in sorted(configs):
        print(f"parsed {name}/config.pbtxt")
    for warning in warnings:
        print(f"warning: {warning}")
    for error in errors:
        print(f"error: {error}")
    print(f"{repository}: {len(configs)} models, {len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
