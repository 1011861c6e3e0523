import os

from hypothesis import HealthCheck, settings

# Qt tests (tests/ui) run without a display; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Timing is for bench/, not for tests: a loaded 2-core CI machine must not fail a property
# because one example was slow.
# In CI the examples are derandomized, so a run is reproducible and a submission cannot fail on
# a new random draw; locally every run explores new examples.
settings.register_profile("annotator", deadline=None, suppress_health_check=[HealthCheck.too_slow],
                          derandomize=bool(os.environ.get("CI")))
settings.load_profile("annotator")
