"""Time pyHanko signing (PAdES, same key) of a PDF, in-process, for comparison.

Usage: pyhanko_sign.py KEY.p12 PASSWORD IN.pdf RUNS
    Prints the median seconds of RUNS signatures (Python start-up and imports excluded).
Usage: pyhanko_sign.py KEY.p12 PASSWORD IN.pdf serve
    Reads a number N per line on standard input, signs N times and prints the N durations
    in seconds on one line (space-separated), so a caller can interleave its own runs with
    these in the same process and machine load. Ends at end of input.
"""
import io
import statistics
import sys
import time

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers


def sign_once(signer, data):
    t = time.perf_counter()
    w = IncrementalPdfFileWriter(io.BytesIO(data))
    meta = signers.PdfSignatureMetadata(
        field_name="Signature1", subfilter=fields.SigSeedSubFilter.PADES
    )
    out = signers.sign_pdf(w, meta, signer=signer)
    out.getvalue()
    return time.perf_counter() - t


def main():
    p12, password, path, runs = sys.argv[1], sys.argv[2].encode(), sys.argv[3], sys.argv[4]
    signer = signers.SimpleSigner.load_pkcs12(p12, passphrase=password)
    data = open(path, "rb").read()
    if runs == "serve":
        for line in sys.stdin:
            n = int(line)
            times = [sign_once(signer, data) for _ in range(n)]
            print(" ".join(f"{t:.6f}" for t in times), flush=True)
        return
    times = [sign_once(signer, data) for _ in range(int(runs))]
    print(f"{statistics.median(times):.6f}")


if __name__ == "__main__":
    main()
