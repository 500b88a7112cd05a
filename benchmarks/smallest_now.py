"""The least a Typer program must do to answer `hotline now --region R --json`: the lower bound for that row.

One Typer command with the two options it needs. It reads the compiled bundled data (building
it first if needed, like `hotline`), resolves the region, evaluates and ranks the lines, and
prints the same JSON document, through the library's own functions. What `hotline now` costs
beyond this is the command line around the answer: its nine options and their help, error
handling, the user's overlay folder and call log, the guarded standard output.

    python benchmarks/smallest_now.py --region 福建 --at 2026-11-25T21:30
"""

import json

import typer

app = typer.Typer(add_completion=False)


@app.command()
def now(region: str = "", at: str = "") -> None:
    from hotline_cli import api
    from hotline_cli.dataset import load
    from hotline_cli.render.json_out import dumps

    dataset = load([], compiled=True)
    instant = api.parse_instant(at or None)
    answer = api.ask(dataset, api.resolve_place(dataset, region or None), None, instant)
    typer.echo(dumps(api.answer_json(answer, "zh", dataset, caller_at=instant)), nl=False)


if __name__ == "__main__":
    app()
