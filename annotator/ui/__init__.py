"""The Qt user interface: the only package of annotator that imports PySide6.

Keep this file free of imports: `python -m annotator.ui.platform_check` runs through it, and
that check must work on a machine where importing QtGui itself fails (missing libEGL, ...).
"""
