"""Every claims test gets its own (absent) model and index files, so nothing a developer
trained into var/ leaks in: without a model the lexicon fallback answers."""

import pytest


@pytest.fixture(autouse=True)
def _claims_files(settings, tmp_path):
    settings.CLAIMS_MODEL_PATH = tmp_path / "claims" / "claims-model.pkl"
