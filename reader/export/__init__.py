"""Export of articles: citations (GB/T 7714, RIS, CSL-JSON) and documents (no Qt but PDF)."""
