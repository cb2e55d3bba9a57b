"""Step 1 of the `embedder` ensemble: texts to BERT word pieces for all-MiniLM-L6-v2.

Input  TEXT            BYTES [batch, 1], UTF-8
Output input_ids       INT64 [batch, seq]
       attention_mask  INT64 [batch, seq]  1 for word pieces, 0 for padding
       token_type_ids  INT64 [batch, seq]  all 0 (single sentences)

Matches the local server's MiniLmEmbedder: the tokenizer.json from the langchain4j jar, [CLS] and
[SEP] added, truncation at `max_tokens` (256, sentence-transformers' window). Padding goes to the
longest text of the request rounded up to `pad_to_multiple_of`, so that requests of similar length
share a shape and the ONNX step's dynamic batcher can merge them. The tokenizer.json in the jar
pads and truncates to a fixed 128; both settings are overridden here, as the Java side does.
"""

import json
import os

import numpy as np
import triton_python_backend_utils as pb_utils
from tokenizers import Tokenizer

# BERT's largest position embedding: a longer window cannot run through the model.
MODEL_MAX_TOKENS = 512


class TritonPythonModel:
    def initialize(self, args):
        config = json.loads(args["model_config"])
        params = {k: v["string_value"] for k, v in config.get("parameters", {}).items()}
        self.max_tokens = int(params.get("max_tokens", "256"))
        self.pad_multiple = int(params.get("pad_to_multiple_of", "64"))
        if not 2 <= self.max_tokens <= MODEL_MAX_TOKENS:
            raise pb_utils.TritonModelException(
                f"max_tokens must be in [2, {MODEL_MAX_TOKENS}], was {self.max_tokens}"
            )
        if self.pad_multiple < 1 or self.max_tokens % self.pad_multiple != 0:
            # Otherwise rounding up could pad past the window the model was set up for.
            raise pb_utils.TritonModelException(
                f"pad_to_multiple_of ({self.pad_multiple}) must divide max_tokens "
                f"({self.max_tokens})"
            )

        version_dir = os.path.join(args["model_repository"], args["model_version"])
        path = os.path.join(version_dir, params.get("tokenizer_file", "tokenizer.json"))
        if not os.path.isfile(path):
            raise pb_utils.TritonModelException(
                f"{path} is missing: run serving/triton/tools/prepare_embedder.py"
            )
        self.tokenizer = Tokenizer.from_file(path)
        self.tokenizer.enable_truncation(max_length=self.max_tokens)
        pad_id = self.tokenizer.token_to_id("[PAD]")
        self.tokenizer.enable_padding(
            pad_id=0 if pad_id is None else pad_id,
            pad_token="[PAD]",
            pad_to_multiple_of=self.pad_multiple,
        )
        self.logger = pb_utils.Logger
        self.logger.log_info(
            f"embedder_tokenizer: {path}, window {self.max_tokens} word pieces, "
            f"padding to multiples of {self.pad_multiple}"
        )

    def execute(self, requests):
        responses = []
        for request in requests:
            try:
                texts = decode_texts(pb_utils.get_input_tensor_by_name(request, "TEXT"))
            except ValueError as e:
                # The client sends such a request to the dead-letter topic, not into a retry.
                responses.append(
                    pb_utils.InferenceResponse(
                        error=pb_utils.TritonError(
                            f"embedder: {e}", pb_utils.TritonError.INVALID_ARG
                        )
                    )
                )
                continue
            ids, mask, types = self.encode(texts)
            responses.append(
                pb_utils.InferenceResponse(
                    output_tensors=[
                        pb_utils.Tensor("input_ids", ids),
                        pb_utils.Tensor("attention_mask", mask),
                        pb_utils.Tensor("token_type_ids", types),
                    ]
                )
            )
        return responses

    def encode(self, texts):
        """Three INT64 arrays of shape [len(texts), seq] for one request."""
        encodings = self.tokenizer.encode_batch(texts, add_special_tokens=True)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        types = np.array([e.type_ids for e in encodings], dtype=np.int64)
        return ids, mask, types

    def finalize(self):
        self.tokenizer = None


def decode_texts(tensor):
    """The request's TEXT tensor ([batch, 1] bytes objects) as a list of str.

    Raises ValueError, naming the row, for bytes that are not UTF-8 (the local server answers
    INVALID_ARGUMENT for those as well).
    """
    if tensor is None:
        raise ValueError("input TEXT is missing")
    texts = []
    for row, value in enumerate(tensor.as_numpy().reshape(-1)):
        if isinstance(value, str):
            texts.append(value)
            continue
        try:
            texts.append(bytes(value).decode("utf-8"))
        except UnicodeDecodeError as e:
            raise ValueError(f"TEXT[{row}] is not valid UTF-8 ({e.reason} at byte {e.start})")
    return texts
