using System.Diagnostics;
using System.Text;
using Zero.Games;

namespace Zero.Cli.Commands;

/// <summary>
/// Runs a PyTorch reference script for `zero bench nn --torch` and `zero bench rl --torch`: Debian's /usr/bin/python3
/// (where python3-torch installs; a pyenv python3 on PATH lacks it) or else python3 from PATH, standard output returned
/// line by line (and echoed to <c>progress</c>), and a failure reported as a <see cref="ZeroException"/> that says what to
/// install, with the end of the script's standard error.
/// </summary>
internal static class PythonScript
{
    /// <summary>The interpreter the reference scripts run under.</summary>
    public static string Interpreter => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/> and returns its standard output lines.</summary>
    public static List<string> Run(string script, IEnumerable<string> arguments, TextWriter? progress = null)
    {
        var psi = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(script);
        foreach (string a in arguments)
        {
            psi.ArgumentList.Add(a);
        }
        Process process;
        try
        {
            process = Process.Start(psi) ?? throw Failure($"could not start {Interpreter}.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw Failure($"could not start {Interpreter}: install python3 with PyTorch and NumPy (apt-get install -y python3-torch python3-numpy).");
        }
        using (process)
        {
            var error = new StringBuilder();
            process.ErrorDataReceived += (_, e) =>
            {
                lock (error)
                {
                    error.AppendLine(e.Data);
                }
            };
            process.BeginErrorReadLine();
            var lines = new List<string>();
            while (process.StandardOutput.ReadLine() is { } line)
            {
                lines.Add(line);
                progress?.WriteLine("  torch| " + line);
            }
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                string detail;
                lock (error)
                {
                    detail = error.ToString().Trim();
                }
                throw Failure($"the reference script {script} failed (exit {process.ExitCode}); is python3-torch installed? (apt-get install -y python3-torch python3-numpy)" +
                    (detail.Length == 0 ? "" : $": {detail[Math.Max(0, detail.Length - 400)..]}"));
            }
            return lines;
        }
    }

    private static ZeroException Failure(string why) => new($"--torch: {why}");
}
