using System.Text;
using Xunit.Abstractions;

namespace Changxing.EndToEnd.Infrastructure;

/// <summary>An <see cref="ITestOutputHelper"/> that keeps what was written, for checking what a failing test reports.</summary>
public sealed class CapturedTestOutput : ITestOutputHelper
{
    private readonly StringBuilder _text = new();

    public string Text => _text.ToString();

    public void WriteLine(string message) => _text.AppendLine(message);

    public void WriteLine(string format, params object[] args) => _text.AppendLine(string.Format(format, args));
}
