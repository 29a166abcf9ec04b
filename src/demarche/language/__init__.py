"""Stage 3: Russian language analysis (segmentation, repair, morphology, NER, syntax)."""
