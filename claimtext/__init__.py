"""claimtext."""
