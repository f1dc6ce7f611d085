using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace SciaticaRelief.Cli.Client;

/// <summary>`relief export`, `relief import` and `relief report`: files to and from the server, streamed.</summary>
internal static class DataCommands
{
    public static IEnumerable<Command> Create(CliContext context) => [Export(context), Import(context), Report(context)];

    private static Command Export(CliContext context)
    {
        var fhir = new Option<string>("--fhir") { Description = "Write everything as a FHIR R4 Bundle (JSON) to this file." };
        var archive = new Option<string>("--archive") { Description = "Write everything as CSV and JSON in one zip to this file." };
        var command = new Command("export", "Downloads everything you keep here, to a file.") { fhir, archive };
        command.Validators.Add(r =>
        {
            if ((r.GetResult(fhir) is null) == (r.GetResult(archive) is null))
            {
                r.AddError("Give one of --fhir FILE or --archive FILE.");
            }
        });
        command.SetAction((parsed, ct) => ClientCommands.WithApiAsync(context, async api =>
        {
            var (route, file) = parsed.GetValue(fhir) is { } f ? ("api/v1/export/fhir", f) : ("api/v1/export/archive", parsed.GetValue(archive)!);
            var bytes = await api.DownloadAsync(route, file, ct);
            context.Stderr.WriteLine($"Wrote {file} ({bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes).");
            return ReliefCli.Ok;
        }));
        return command;
    }

    private static Command Report(CliContext context)
    {
        var pdf = new Option<string>("--pdf") { Description = "Write the report for a doctor as PDF to this file." };
        var json = ClientCommands.JsonOption();
        var from = new Option<DateOnly?>("--from") { Description = "First day (YYYY-MM-DD). Default: 90 days ago." };
        var to = new Option<DateOnly?>("--to") { Description = "Last day (YYYY-MM-DD). Default: today." };
        var command = new Command("report", "The report for a doctor: pain course, warning signs, questionnaires, treatments, plan.") { pdf, json, from, to };
        command.Validators.Add(r =>
        {
            if ((r.GetResult(pdf) is null) == (r.GetResult(json) is null))
            {
                r.AddError("Give one of --pdf FILE or --json.");
            }
        });
        command.SetAction((parsed, ct) => ClientCommands.WithApiAsync(context, async api =>
        {
            var query = string.Join("&", new[]
            {
                parsed.GetValue(from) is { } f ? "from=" + f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                parsed.GetValue(to) is { } t ? "to=" + t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            }.OfType<string>());
            var suffix = query.Length > 0 ? "?" + query : "";
            if (parsed.GetValue(pdf) is { } file)
            {
                var bytes = await api.DownloadAsync("api/v1/reports/doctor.pdf" + suffix, file, ct);
                context.Stderr.WriteLine($"Wrote {file} ({bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes).");
            }
            else
            {
                context.Stdout.WriteLine(await api.GetTextAsync("api/v1/reports/doctor" + suffix, ct));
            }
            return ReliefCli.Ok;
        }));
        return command;
    }

    private static Command Import(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "The export of another pain diary (CSV or JSON)." };
        var format = new Option<string>("--format") { Description = "The file's format id; detected when not given." };
        var zone = new Option<string>("--time-zone") { Description = "IANA time zone of times without one (default: your profile's)." };
        var local = new Option<bool?>("--times-are-local") { Description = "Treat the file's times as local times in --time-zone (old CrisisCore files)." };
        var preview = new Option<bool>("--preview") { Description = "Read and check the file, report what would be imported, write nothing." };
        var map = new Option<string[]>("--map")
        {
            Description = "Generic CSV: which column holds what, FIELD=COLUMN (date, time, pain, location, notes...). Repeat for more.",
        };
        var json = ClientCommands.JsonOption();
        var command = new Command("import", "Imports entries from another pain diary; all or nothing, duplicates skipped.") { file, format, zone, local, preview, map, json };
        command.SetAction((parsed, ct) => ClientCommands.WithApiAsync(context, async api =>
        {
            var info = parsed.GetRequiredValue(file);
            if (!info.Exists)
            {
                throw new ClientFailure(ReliefCli.UsageError, $"{info.FullName} does not exist.");
            }
            var query = new List<string>();
            if (parsed.GetValue(format) is { Length: > 0 } f)
            {
                query.Add("format=" + Uri.EscapeDataString(f));
            }
            if (parsed.GetValue(zone) is { Length: > 0 } z)
            {
                query.Add("timeZone=" + Uri.EscapeDataString(z));
            }
            if (parsed.GetValue(local) is { } l)
            {
                query.Add("timesAreLocal=" + (l ? "true" : "false"));
            }
            if (parsed.GetValue(preview))
            {
                query.Add("preview=true");
            }
            foreach (var pair in parsed.GetValue(map) ?? [])
            {
                var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                {
                    throw new ClientFailure(ReliefCli.UsageError, $"--map \"{pair}\": give FIELD=COLUMN, for example --map pain=\"Pain level\".");
                }
                query.Add($"map.{Uri.EscapeDataString(parts[0])}={Uri.EscapeDataString(parts[1])}");
            }
            var route = "api/v1/imports" + (query.Count > 0 ? "?" + string.Join("&", query) : "");

            (JsonNode? Body, string Text) answer = default;
            await using var stream = info.OpenRead();
            async Task UploadAsync(Action<long> sent)
            {
                using var content = new MultipartFormDataContent();
                var upload = new ProgressContent(stream, sent);
                upload.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                content.Add(upload, "file", info.Name);
                answer = await api.PostAsync(route, content, ct);
            }
            if (context.Interactive)
            {
                await context.Err.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask("Uploading " + Markup.Escape(info.Name), maxValue: Math.Max(1, info.Length));
                        await UploadAsync(sent => task.Value = sent);
                        task.Value = task.MaxValue;
                    });
            }
            else
            {
                // Without a terminal Spectre's bar draws nothing: a line at each tenth, for logs and scripts.
                var shown = -1;
                await UploadAsync(sent =>
                {
                    var tenth = (int)(10 * sent / Math.Max(1, info.Length));
                    if (tenth > shown)
                    {
                        shown = tenth;
                        context.Stderr.WriteLine($"Uploading {info.Name}: {Math.Min(100, tenth * 10)}%");
                    }
                });
                if (shown < 10)
                {
                    context.Stderr.WriteLine($"Uploading {info.Name}: 100%");
                }
            }
            if (parsed.GetValue(json))
            {
                context.Stdout.WriteLine(answer.Text);
                return ReliefCli.Ok;
            }
            var body = answer.Body;
            var verb = parsed.GetValue(preview) ? "Would import" : "Imported";
            context.Out.MarkupLine(Markup.Escape($"{verb} {body?["imported"]} entries from {info.Name} ({body?["format"]}); {body?["duplicates"]} already here, {body?["skipped"]} skipped."));
            foreach (var reason in body?["skipReasons"]?.AsArray() ?? [])
            {
                context.Out.MarkupLine(Markup.Escape($"  - {reason?["count"]} x {reason?["reason"]}"));
            }
            return ReliefCli.Ok;
        }));
        return command;
    }

    /// <summary>A file upload that reports how many bytes have gone, for the progress bar.</summary>
    private sealed class ProgressContent(Stream source, Action<long> sent) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
        {
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                total += read;
                sent(total);
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override bool TryComputeLength(out long length)
        {
            length = source.CanSeek ? source.Length : -1;
            return source.CanSeek;
        }
    }
}
