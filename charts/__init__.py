"""Charts of the archive's coverage, drawn with matplotlib offline: numbers in, PNG bytes out.

Below the warehouse so that its report and its exports' data cards draw the same charts."""
