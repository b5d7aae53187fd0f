# Helpers for the scripts of .ci/ (sourced, not run).

# A clearly visible section header in the log.
section() {
  printf '\n==================== %s ====================\n' "$*"
}
