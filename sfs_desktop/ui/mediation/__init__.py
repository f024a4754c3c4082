"""人民调解 pages: cases and their workspace, committees, mediators, screening, guidance and training."""
