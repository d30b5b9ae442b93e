mod sibling;
