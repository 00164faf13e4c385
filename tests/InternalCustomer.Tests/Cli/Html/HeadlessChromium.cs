using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace InternalCustomer.Tests.Cli.Html;

/// <summary>
/// Debian's headless Chromium driven over the Chrome DevTools Protocol (a WebSocket on a loopback port, no extra package,
/// no browser download): opens a page, collects console errors, uncaught exceptions and error log entries
/// (<c>Runtime.consoleAPICalled</c>, <c>Runtime.exceptionThrown</c>, <c>Log.entryAdded</c>), evaluates expressions in
/// the page and captures screenshots. The browser process is this object's own and is ended when it is disposed.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<int, TaskCompletionSource<JsonObject>> _pending = [];
    private readonly List<string> _errors = [];
    private readonly object _gate = new();
    private TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _reader;
    private int _next;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>The browser's path: <c>$CHROMIUM</c>, then <c>chromium</c> (or <c>chromium-browser</c>, <c>google-chrome</c>) on the PATH, then <c>/usr/bin/chromium</c>; null when none is there.</summary>
    internal static string? Find()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } configured && File.Exists(configured))
        {
            return configured;
        }

        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome" })
        {
            foreach (var dir in path)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;
    }

    /// <summary>The console errors, uncaught exceptions and error log entries seen so far.</summary>
    internal IReadOnlyList<string> Errors
    {
        get
        {
            lock (_gate)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>Starts the browser headless with a fresh profile and attaches to its first page.</summary>
    internal static async Task<HeadlessChromium> StartAsync(string executable, int width, int height)
    {
        var profile = Directory.CreateTempSubdirectory("ic-chromium-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", $"--user-data-dir={profile}", $"--window-size={width},{height}", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        var browser = new HeadlessChromium(process, profile);
        try
        {
            // "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/…" on stderr.
            using var deadline = new CancellationTokenSource(Timeout);
            Uri? endpoint = null;
            while (endpoint is null)
            {
                var line = await process.StandardError.ReadLineAsync(deadline.Token) ?? throw new InvalidOperationException($"{executable} exited (code {(process.HasExited ? process.ExitCode : -1)}) before it listened for DevTools.");
                const string Marker = "DevTools listening on ";
                if (line.IndexOf(Marker, StringComparison.Ordinal) is var at and >= 0)
                {
                    endpoint = new Uri(line[(at + Marker.Length)..].Trim());
                }
            }

            _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
            _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            using var http = new HttpClient { Timeout = Timeout };
            var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{endpoint.Port}/json/list"), deadline.Token))!.AsArray();
            var page = targets.First(t => (string?)t!["type"] == "page")!;
            await browser._socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), deadline.Token);
            browser._reader = Task.Run(browser.ReadAsync);
            await browser.SendAsync("Runtime.enable");
            await browser.SendAsync("Log.enable");
            await browser.SendAsync("Page.enable");
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens <paramref name="url"/> and waits for its load event.</summary>
    internal async Task NavigateAsync(Uri url)
    {
        _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
        var result = await SendAsync("Page.navigate", new JsonObject { ["url"] = url.AbsoluteUri });
        if (result["errorText"] is { } error)
        {
            throw new InvalidOperationException($"Page.navigate to {url}: {error}");
        }

        await _loaded.Task.WaitAsync(Timeout);
    }

    /// <summary>Evaluates a JavaScript expression in the page and returns its value (as JSON).</summary>
    internal async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (result["exceptionDetails"] is { } exception)
        {
            throw new InvalidOperationException($"{expression}: {exception.ToJsonString()}");
        }

        return result["result"]?["value"]?.DeepClone();
    }

    /// <summary>A PNG of the page's rectangle at (<paramref name="x"/>, <paramref name="y"/>), <paramref name="width"/> × <paramref name="height"/> CSS pixels (beyond the window if need be).</summary>
    internal async Task<byte[]> ScreenshotAsync(double x, double y, double width, double height)
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = true,
            ["clip"] = new JsonObject { ["x"] = x, ["y"] = y, ["width"] = width, ["height"] = height, ["scale"] = 1 },
        });
        return Convert.FromBase64String((string)result["data"]!);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or will be reaped with the test host.
        }

        if (_reader is not null)
        {
            await _reader.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        _socket.Dispose();
        _process.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A profile file still held open; the temporary directory is the system's to clean.
        }
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject? parameters = null)
    {
        var pending = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        int id;
        lock (_gate)
        {
            id = ++_next;
            _pending[id] = pending;
        }

        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, _stop.Token);
        var response = await pending.Task.WaitAsync(Timeout);
        return response["error"] is { } error
            ? throw new InvalidOperationException($"{method}: {error.ToJsonString()}")
            : response["result"]?.AsObject() ?? [];
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult received;
            try
            {
                received = await _socket.ReceiveAsync(buffer, _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                break;
            }

            if (received.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage)
            {
                continue;
            }

            var node = JsonNode.Parse(message.ToArray())!.AsObject();
            message.SetLength(0);
            Dispatch(node);
        }
    }

    private void Dispatch(JsonObject node)
    {
        if (node["id"] is { } idNode)
        {
            TaskCompletionSource<JsonObject>? pending;
            lock (_gate)
            {
                _pending.Remove((int)idNode, out pending);
            }

            pending?.TrySetResult(node);
            return;
        }

        var parameters = node["params"];
        switch ((string?)node["method"])
        {
            case "Page.loadEventFired":
                _loaded.TrySetResult();
                break;
            case "Runtime.exceptionThrown":
                Add("uncaught exception: " + (parameters?["exceptionDetails"]?.ToJsonString() ?? "?"));
                break;
            case "Runtime.consoleAPICalled" when Str(parameters?["type"]) is "error" or "assert":
                Add("console." + Str(parameters?["type"]) + ": " + string.Join(" ", (parameters?["args"]?.AsArray() ?? []).Select(a => Str(a?["value"] ?? a?["description"]))));
                break;
            case "Log.entryAdded" when Str(parameters?["entry"]?["level"]) == "error":
                Add("log (" + Str(parameters?["entry"]?["source"]) + "): " + Str(parameters?["entry"]?["text"]) + " " + Str(parameters?["entry"]?["url"]));
                break;
        }
    }

    private static string Str(JsonNode? node) => node?.ToString() ?? string.Empty;

    private void Add(string error)
    {
        lock (_gate)
        {
            _errors.Add(error);
        }
    }
}
