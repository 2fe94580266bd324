import VCR
