"""Job postings: the validator, ages, wages, status, 公益性岗位, credit codes."""
