"""Shared test helpers: the Triton stub on sys.path, model loading, model-config arguments."""

import importlib.util
import json
import os
import sys

TESTS = os.path.dirname(os.path.abspath(__file__))
TRITON = os.path.dirname(TESTS)
REPOSITORY = os.path.join(TRITON, "model_repository")

# `import triton_python_backend_utils` in the models resolves to the stub.
sys.path.insert(0, os.path.join(TESTS, "stubs"))
sys.path.insert(0, os.path.join(TRITON, "tools"))

import check_repository  # noqa: E402  (needs the path above)
import triton_python_backend_utils as pb_utils  # noqa: E402


def load_model_module(model, version="1"):
    """Imports REPOSITORY/model/version/model.py as a fresh module."""
    path = os.path.join(REPOSITORY, model, version, "model.py")
    spec = importlib.util.spec_from_file_location(f"triton_model_{model}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def model_config(model, repository=REPOSITORY):
    """config.pbtxt as the JSON-shaped dict Triton hands to initialize()."""
    errors = []
    config = check_repository.load_config(os.path.join(repository, model, "config.pbtxt"), errors)
    if errors:
        raise AssertionError(errors)
    return config


def initialize_args(model, config=None, repository=REPOSITORY, version="1"):
    config = model_config(model, repository) if config is None else config
    return {
        "model_config": json.dumps(config),
        "model_instance_kind": "CPU",
        "model_instance_device_id": "0",
        "model_repository": os.path.join(repository, model),
        "model_version": version,
        "model_name": model,
    }


def text_request(texts, **kwargs):
    """An incoming request with TEXT [len(texts), 1]; str items are UTF-8 encoded."""
    import numpy as np

    values = [t.encode("utf-8") if isinstance(t, str) else t for t in texts]
    array = np.array(values, dtype=np.object_).reshape(-1, 1)
    return pb_utils.InferenceRequest(inputs=[pb_utils.Tensor("TEXT", array)], **kwargs)
