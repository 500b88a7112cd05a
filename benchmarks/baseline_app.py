"""The floor `hotline` is measured against: the smallest useful Typer program.

One command with one option that prints one line. Whatever this costs (the
interpreter, Typer and what Typer imports) a Typer CLI cannot avoid, so
benchmarks/run.py reports every hotline command as a ratio to it.
"""

import typer

app = typer.Typer(add_completion=False)


@app.command()
def hello(name: str = "world") -> None:
    typer.echo(f"hello {name}")


if __name__ == "__main__":
    app()
