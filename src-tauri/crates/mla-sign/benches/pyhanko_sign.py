"""Time pyHanko signing (PAdES, same key) of a PDF, in-process, for comparison.

Usage: pyhanko_sign.py KEY.p12 PASSWORD IN.pdf RUNS
Prints the median seconds of RUNS signatures (Python start-up and imports excluded).
"""
import io
import statistics
import sys
import time

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers


def main():
    p12, password, path, runs = sys.argv[1], sys.argv[2].encode(), sys.argv[3], int(sys.argv[4])
    signer = signers.SimpleSigner.load_pkcs12(p12, passphrase=password)
    data = open(path, "rb").read()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        w = IncrementalPdfFileWriter(io.BytesIO(data))
        meta = signers.PdfSignatureMetadata(
            field_name="Signature1", subfilter=fields.SigSeedSubFilter.PADES
        )
        out = signers.sign_pdf(w, meta, signer=signer)
        out.getvalue()
        times.append(time.perf_counter() - t)
    print(f"{statistics.median(times):.6f}")


if __name__ == "__main__":
    main()
