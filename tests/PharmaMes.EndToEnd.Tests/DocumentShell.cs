using System.Diagnostics;
using System.Text;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>
/// One bash shell, in the repository's folder, that runs a document's command blocks one after the other as a reader
/// pastes them into one terminal (a block's variables and background jobs are there for the next). When the test ends,
/// or its process dies, the shell runs <c>cleanUp</c> (commands that stop whatever the blocks started), so nothing is
/// left running.
/// </summary>
public sealed class DocumentShell : IAsyncDisposable
{
    private const string Done = "::block-done ";
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _folder;
    private int _blocks;

    private DocumentShell(Process process, string folder)
    {
        _process = process;
        _folder = folder;
    }

    /// <summary>Everything the shell and the programs it started printed so far.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static DocumentShell Start(string cleanUp)
    {
        var folder = Path.Combine(Path.GetTempPath(), "pharmames-document-shell", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        // Commands come one line at a time on standard input; the programs they start read nothing from it. The clean-up
        // runs when the input ends (the test is done, or its process died) and on TERM, which a watchdog sends if the test
        // process dies while a block is still running. From a file, so that the shell's command line does not hold the
        // blocks' text (a block's pkill -f would match the shell itself).
        var script = Path.Combine(folder, "shell.sh");
        File.WriteAllText(script, $$"""
            cleanup() {
            {{cleanUp}}
            }
            trap 'exit 1' TERM
            trap 'cleanup >/dev/null 2>&1' EXIT
            ( while kill -0 {{Environment.ProcessId}} 2>/dev/null && kill -0 $$ 2>/dev/null; do sleep 2; done; kill -TERM $$ 2>/dev/null ) </dev/null >/dev/null 2>&1 &
            disown $!
            while IFS= read -r line; do eval "$line" </dev/null; done

            """);
        var shell = new ProcessStartInfo("bash", [script])
        {
            WorkingDirectory = PharmaMes.Testing.RepositoryFolder.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        shell.Environment["PATH"] = (Environment.GetEnvironmentVariable("PATH") ?? "") + ":/usr/sbin:/sbin";
        var process = Process.Start(shell)!;
        var documentShell = new DocumentShell(process, folder);
        process.OutputDataReceived += (_, e) => documentShell.Append(e.Data);
        process.ErrorDataReceived += (_, e) => documentShell.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return documentShell;
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    /// <summary>Runs a block as written and waits for its end; the exit status of its last command.</summary>
    public async Task<int> RunAsync(string block, TimeSpan timeout)
    {
        var number = ++_blocks;
        var file = Path.Combine(_folder, $"block-{number}.sh");
        await File.WriteAllTextAsync(file, block);
        var marker = $"{Done}{number} ";
        await _process.StandardInput.WriteLineAsync($"source '{file}'; echo \"{marker}$?\"");
        await _process.StandardInput.FlushAsync();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var output = Output;
            var at = output.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
                return int.Parse(output[(at + marker.Length)..].Split('\n')[0].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            if (_process.HasExited)
                throw new InvalidOperationException($"The shell ended during block {number}:\n{Tail()}");
            await Task.Delay(250);
        }
        throw new TimeoutException($"Block {number} did not end within {timeout}:\n{block}\nprinted:\n{Tail()}");
    }

    /// <summary>The end of what was printed, for a failure's message.</summary>
    public string Tail(int characters = 6000)
    {
        var output = Output;
        return output.Length <= characters ? output : output[^characters..];
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
