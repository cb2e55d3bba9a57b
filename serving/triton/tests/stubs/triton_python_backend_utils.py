"""A stand-in for Triton's `triton_python_backend_utils`, enough to run the repository's Python
models in plain unit tests: tensors, requests, responses, errors, the logger and BLS calls.

BLS calls (`InferenceRequest.exec` / `async_exec`) go to the handler a test installs with
`set_bls_handler(fn)`: fn(request) returns a list of InferenceResponse (decoupled models) or one.
Only the calls the models make are modelled; the real module has many more.
"""

import asyncio
import json

import numpy as np

TRITONSERVER_RESPONSE_COMPLETE_FINAL = 1


class TritonModelException(Exception):
    pass


class TritonError:
    UNKNOWN, INTERNAL, NOT_FOUND, INVALID_ARG, UNAVAILABLE, UNSUPPORTED, ALREADY_EXISTS, \
        CANCELLED = range(8)

    def __init__(self, message, code=1):
        self._message, self._code = message, code

    def message(self):
        return self._message

    def code(self):
        return self._code

    def __repr__(self):
        return f"TritonError({self._message!r}, {self._code})"


class Tensor:
    def __init__(self, name, array):
        if not isinstance(array, np.ndarray):
            raise TypeError(f"tensor {name}: numpy array expected")
        self._name, self._array = name, array

    def name(self):
        return self._name

    def as_numpy(self):
        return self._array


class InferenceResponse:
    def __init__(self, output_tensors=None, error=None):
        self._outputs = list(output_tensors or [])
        self._error = error

    def output_tensors(self):
        return self._outputs

    def has_error(self):
        return self._error is not None

    def error(self):
        return self._error


_bls_handler = None
_request_ids = iter(range(1, 1 << 62))


def set_bls_handler(handler):
    global _bls_handler
    _bls_handler = handler


class InferenceRequest:
    """Both an incoming request (tests build them) and a BLS request (models build them)."""

    def __init__(self, model_name="", requested_output_names=(), inputs=(), request_id=None,
                 cancelled=False, **_):
        self.model_name = model_name
        self.requested_output_names = list(requested_output_names)
        self.inputs = list(inputs)
        self._id = request_id if request_id is not None else str(next(_request_ids))
        self._cancelled = cancelled

    def request_id(self):
        return self._id

    def is_cancelled(self):
        return self._cancelled

    def parameters(self):
        return json.dumps({})

    def exec(self, decoupled=False):
        if _bls_handler is None:
            raise TritonModelException("no BLS handler installed")
        result = _bls_handler(self)
        return iter(result) if decoupled else result

    async def async_exec(self, decoupled=False):
        await asyncio.sleep(0)  # let other requests start, as the real event loop would
        return self.exec(decoupled)


class Logger:
    lines = []

    @classmethod
    def log_info(cls, message):
        cls.lines.append(("INFO", message))

    @classmethod
    def log_warn(cls, message):
        cls.lines.append(("WARN", message))

    @classmethod
    def log_error(cls, message):
        cls.lines.append(("ERROR", message))

    @classmethod
    def log_verbose(cls, message):
        cls.lines.append(("VERBOSE", message))


def get_input_tensor_by_name(request, name):
    return next((t for t in request.inputs if t.name() == name), None)


def get_output_tensor_by_name(response, name):
    return next((t for t in response.output_tensors() if t.name() == name), None)
