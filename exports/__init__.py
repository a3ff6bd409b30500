"""Court bundles: BagIt + PDF report + signatures, redaction profiles, and the verifier. No Qt."""
