"""Validate signed PDFs with pyHanko in one process (fast enough for 100 tampered files).

Usage: pyhanko_validate.py CA.pem FILE.pdf...
Prints one line per file: VALID|INVALID|ERROR <tab> file <tab> details.
VALID means: intact, cryptographically valid, trusted to CA.pem, and covering the whole file.
"""
import sys

from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext


def main():
    ca = load_cert_from_pemder(sys.argv[1])
    for path in sys.argv[2:]:
        try:
            vc = ValidationContext(trust_roots=[ca])
            with open(path, "rb") as f:
                reader = PdfFileReader(f, strict=False)
                sigs = reader.embedded_signatures
                if not sigs:
                    print(f"INVALID\t{path}\tno signature found")
                    continue
                status = validate_pdf_signature(sigs[-1], vc)
                ok = (
                    status.intact
                    and status.valid
                    and status.trusted
                    and status.coverage == SignatureCoverageLevel.ENTIRE_FILE
                )
                summary = status.summary().replace("\n", " ")
                print(f"{'VALID' if ok else 'INVALID'}\t{path}\t{summary}")
        except Exception as e:  # a file pyHanko cannot even read is a failed validation
            print(f"ERROR\t{path}\t{type(e).__name__}: {e}".replace("\n", " "))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
