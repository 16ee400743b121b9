using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>
/// The built app started as its own process (<c>dotnet PharmaMes.Web.dll</c>), demo plant with the
/// simulator off, on free loopback ports and a SQLite file in <paramref name="folder"/>, so a test
/// can kill it as the operating system would (SIGKILL) and start it again on the same database.
/// </summary>
public sealed class MesProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<string> _standardOutput = [];

    public int HttpPort { get; }
    public int BrokerPort { get; }

    private MesProcess(Process process, int httpPort, int brokerPort)
    {
        _process = process;
        HttpPort = httpPort;
        BrokerPort = brokerPort;
    }

    /// <summary>What the app printed so far (for a failing test's message).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>The lines the app wrote to standard output only (where the console log goes), the first ones kept.</summary>
    public IReadOnlyList<string> StandardOutput
    {
        get { lock (_standardOutput) return [.. _standardOutput]; }
    }

    /// <param name="settings">
    /// Environment variables over the test defaults (<c>__</c> for <c>:</c>), e.g. <c>Logging__Console__FormatterName</c>, another
    /// database provider, an external broker (<paramref name="brokerPort"/> is then the external broker's), Redis.
    /// </param>
    public static async Task<MesProcess> StartAsync(string folder, int brokerPort, IReadOnlyDictionary<string, string>? settings = null)
    {
        Directory.CreateDirectory(folder);
        var httpPort = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(BuiltWebApp.Dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Urls"] = $"http://127.0.0.1:{httpPort}";
        start.Environment["ConnectionStrings__Mes"] = $"Data Source={Path.Combine(folder, "mes.db")}";
        start.Environment["Mqtt__Broker__Port"] = brokerPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Demo__Simulator__Enabled"] = "false";
        start.Environment["Erp__Folder"] = Path.Combine(folder, "erp-outbox");
        start.Environment["Audit__ChainKeyFile"] = Path.Combine(folder, "audit-chain.key");
        start.Environment["Audit__KeyRingFolder"] = Path.Combine(folder, "audit-key-ring");
        start.Environment["Audit__CheckpointFile"] = Path.Combine(folder, "audit-checkpoints.log");
        start.Environment["Planning__TimeLimitSeconds"] = "1";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        var process = new Process { StartInfo = start };
        var mes = new MesProcess(process, httpPort, brokerPort);
        process.OutputDataReceived += (_, e) =>
        {
            mes.Append(e.Data);
            mes.KeepStandardOutput(e.Data);
        };
        process.ErrorDataReceived += (_, e) => mes.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await mes.WaitUntilServingAsync(TimeSpan.FromMinutes(2));
        return mes;
    }

    /// <summary>The app's own address, e.g. <c>http://127.0.0.1:5123</c>.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}");

    /// <summary>SIGKILL: no shutdown code of the app runs, as in a power cut of the process.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            // The last part is what a failure needs; a long run must not grow without end.
            if (_output.Length > 200_000)
                _output.Remove(0, 100_000);
            _output.AppendLine(line);
        }
    }

    private void KeepStandardOutput(string? line)
    {
        if (line is null)
            return;
        lock (_standardOutput)
        {
            if (_standardOutput.Count < 20_000)
                _standardOutput.Add(line);
        }
    }

    /// <summary>Until /health answers and the broker takes connections.</summary>
    private async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The app exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{HttpPort}/health");
                using var broker = new TcpClient();
                await broker.ConnectAsync("127.0.0.1", BrokerPort);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or SocketException or TaskCanceledException)
            {
                await Task.Delay(250);
            }
        }
        throw new TimeoutException($"The app did not serve within {timeout.TotalSeconds} s:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            await KillAsync();
        _process.Dispose();
    }
}
