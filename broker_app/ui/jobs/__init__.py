"""岗位 and 匹配 pages, the job editor, and the two recommendation views."""
