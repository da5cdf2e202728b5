"""What would close each missed target: the analysis behind the benchmark report's last table.

The report computes, per missed page, how far the page is over and how much in-process work it may take at the
measured cost of serving it; what cannot be measured is what would close the gap. That is written here, per page
name of bench/pages.py (and per in-process figure), from the profiles and the levers tried (docs/benchmark.md tells
the measurements behind each line). Keep it true: when a lever is taken, say what is left.
"""

LEVERS: dict[str, str] = {}

# The in-process figures of bench/run.py in_process_timings, by the start of their name.
FIGURE_LEVERS: dict[str, str] = {}


def lever_for(name: str) -> str:
    if name in LEVERS:
        return LEVERS[name]
    for start, text in FIGURE_LEVERS.items():
        if name.startswith(start):
            return text
    return "not analysed yet (bench/levers.py)"
