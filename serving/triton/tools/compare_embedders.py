#!/usr/bin/env python3
"""Compares the `embedder` of two servers over the KServe v2 / Triton gRPC protocol.

Typical use, on a machine that reaches both: the local CPU server as the reference, Triton on a GPU
as the candidate. Sends the same texts to both in batches, as TritonClient does (BYTES TEXT [n, 1],
raw contents), and prints the cosine between the two vectors of each text:

    python3 serving/triton/tools/compare_embedders.py --reference 127.0.0.1:8001 \
        --candidate triton.example.internal:8001 ../shared/data/summarization/cnndm-dev.jsonl

The ensemble cuts texts at 256 word pieces, while the local server chunk-and-pools longer ones by
default: start the reference with NEWSFLOW_EMBEDDER_MAX_WINDOWS=1 so that both truncate.

Texts come from JSON lines (every string value of "article", "reference", "summary", "text" or
"title"). Exit status 1 when the lowest cosine is below --min-cosine (default 0.9999). Needs
numpy, grpcio and grpcio-tools; the message classes are generated from the project's
grpc_service.proto into a temporary directory.
"""

import argparse
import json
import os
import struct
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PROTO = os.path.join(HERE, "..", "..", "inference", "src", "main", "proto", "grpc_service.proto")
TEXT_KEYS = ("title", "article", "text", "reference", "summary")


def load_protocol():
    from grpc_tools import protoc

    out = tempfile.mkdtemp(prefix="newsflow-proto-")
    proto_dir = os.path.dirname(os.path.abspath(PROTO))
    code = protoc.main(["protoc", f"-I{proto_dir}", f"--python_out={out}",
                        f"--grpc_python_out={out}", os.path.abspath(PROTO)])
    if code != 0:
        sys.exit(f"protoc failed on {PROTO}")
    sys.path.insert(0, out)
    import grpc_service_pb2
    import grpc_service_pb2_grpc

    return grpc_service_pb2, grpc_service_pb2_grpc


def encode_bytes_tensor(texts):
    """BYTES elements as TensorCodec writes them: 4-byte little-endian length, then UTF-8."""
    parts = []
    for text in texts:
        data = text.encode("utf-8")
        parts.append(struct.pack("<I", len(data)) + data)
    return b"".join(parts)


def embed(address, texts, batch, pb, pb_grpc, timeout):
    import grpc
    import numpy as np

    channel = grpc.insecure_channel(address, options=[("grpc.max_receive_message_length",
                                                        64 << 20)])
    stub = pb_grpc.GRPCInferenceServiceStub(channel)
    vectors = []
    for start in range(0, len(texts), batch):
        chunk = texts[start:start + batch]
        request = pb.ModelInferRequest(
            model_name="embedder",
            inputs=[pb.ModelInferRequest.InferInputTensor(
                name="TEXT", datatype="BYTES", shape=[len(chunk), 1])],
            raw_input_contents=[encode_bytes_tensor(chunk)],
        )
        response = stub.ModelInfer(request, timeout=timeout)
        index = next(i for i, o in enumerate(response.outputs) if o.name == "EMBEDDING")
        shape = list(response.outputs[index].shape)
        vectors.append(np.frombuffer(response.raw_output_contents[index], "<f4").reshape(shape))
    channel.close()
    return np.concatenate(vectors)


def read_texts(paths):
    texts = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    record = json.loads(line)
                    texts.extend(record[k] for k in TEXT_KEYS if isinstance(record.get(k), str))
    return texts


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="JSON lines files")
    parser.add_argument("--reference", required=True, help="host:port")
    parser.add_argument("--candidate", required=True, help="host:port")
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--min-cosine", type=float, default=0.9999)
    args = parser.parse_args(argv)
    import numpy as np

    pb, pb_grpc = load_protocol()
    texts = read_texts(args.inputs) + ["", "Ünïcödé “quotes” 🚀", "短讯：台风预计周五登陆。"]
    reference = embed(args.reference, texts, args.batch, pb, pb_grpc, args.timeout)
    candidate = embed(args.candidate, texts, args.batch, pb, pb_grpc, args.timeout)
    cosine = (reference * candidate).sum(axis=1) / (
        np.linalg.norm(reference, axis=1) * np.linalg.norm(candidate, axis=1))
    worst = np.argsort(cosine)[:3]
    print(f"{len(texts)} texts, dimension {reference.shape[1]}: cosine min {cosine.min():.7f}, "
          f"mean {cosine.mean():.7f}; max |difference| {np.abs(reference - candidate).max():.2e}")
    for i in worst:
        print(f"  {cosine[i]:.7f}  {texts[i][:70]!r}")
    return 0 if cosine.min() >= args.min_cosine else 1


if __name__ == "__main__":
    sys.exit(main())
