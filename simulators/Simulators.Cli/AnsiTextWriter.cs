using System.Text;
using Spectre.Console;

namespace WorkOrders.Simulators.Cli;

/// <summary>Lets System.CommandLine write its help and parse errors through the same console as everything else.</summary>
internal sealed class AnsiTextWriter(IAnsiConsole console) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => console.Write(value.ToString());

    public override void Write(string? value) => console.Write(value ?? "");

    public override void WriteLine(string? value) => console.WriteLine(value ?? "");
}
