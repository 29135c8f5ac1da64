"""维权联系卡: issuing, keys, print jobs, printed faces, verification."""
