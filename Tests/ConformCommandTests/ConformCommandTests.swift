// Tests for `jwt conform` (exit codes, leak test) live here.
