# `crescent version` names the version and the kernel level in use; CRESCENT_ISA lowers the
# level and is shown beside it. Arguments are refused.
step env CRESCENT_ISA=portable "$crescent" version
step "$crescent" version extra
