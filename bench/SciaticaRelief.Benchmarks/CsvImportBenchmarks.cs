using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Core.Interop.Imports;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Web.Imports;
using Sylvan.Data.Csv;

namespace SciaticaRelief.Benchmarks;

/// <summary>
/// `import [--rows 20000] [--rounds 3]`: a generated CrisisCore-like CSV (full policy, rows joined by
/// the literal \n, quoted locations, symptoms and notes), three ways, each on a fresh SQLite file:
/// (a) end to end: CrisisCoreCsvReader (Sylvan under it) and ImportWriter into SQLite (check-ins plus
///     their ImportedRecords, dedupe lookups, one transaction);
/// (b) Sylvan's raw parse of the same rows (real newlines, every field read as a string);
/// (c) a raw insert of the parsed rows: one prepared ADO.NET INSERT per check-in in one transaction
///     (what the app's own raw-insert baseline in CheckInWriteBenchmarks does), no ImportedRecords.
/// Prints rows a second for each (median of the rounds) and (a) as a fraction of (b) and of (c)
/// beside the targets (≥ 0.35 of the parse rate, ≥ 0.8 of the insert rate).
/// </summary>
public static class CsvImportBenchmarks
{
    private const string InsertCheckInSql = """
        INSERT INTO "CheckIns" ("PersonId", "Id", "OccurredAtUtc", "TimeZoneId", "LocalDate", "PainNow", "PainWorst", "PainAverage",
            "BodyAreas", "Radiation", "Qualities", "Triggers", "SleepHours", "Stress", "Notes", "CreatedAtUtc", "UpdatedAtUtc", "Version")
        VALUES ($personId, $id, $occurredAt, $zone, $localDate, $painNow, NULL, NULL,
            $bodyAreas, $radiation, $qualities, 0, NULL, NULL, $notes, $created, $created, 1);
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rows = 20_000;
        var rounds = 3;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--rows": rows = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default:
                    await Console.Error.WriteLineAsync("usage: import [--rows 20000] [--rounds 3]");
                    return 2;
            }
        }
        var (crisisCore, plain) = Generate(rows);
        var endToEnd = new List<double>();
        var parse = new List<double>();
        var insert = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            endToEnd.Add(await EndToEndAsync(crisisCore, rows));
            parse.Add(Parse(plain, rows));
            insert.Add(await RawInsertAsync(plain, rows));
        }
        double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        var (e, p, r) = (Median(endToEnd), Median(parse), Median(insert));
        Console.WriteLine(FormattableString.Invariant($"rows: {rows}, rounds: {rounds} (median rows/s)"));
        Console.WriteLine(FormattableString.Invariant($"(a) end to end (reader + ImportWriter, SQLite): {e,12:N0} rows/s"));
        Console.WriteLine(FormattableString.Invariant($"(b) Sylvan raw parse:                          {p,12:N0} rows/s   a/b = {e / p:0.000} (target >= 0.35)"));
        Console.WriteLine(FormattableString.Invariant($"(c) raw ADO insert of the parsed rows:         {r,12:N0} rows/s   a/c = {e / r:0.000} (target >= 0.8)"));
        return 0;
    }

    /// <summary>The CrisisCore file (literal \n joins) and the same rows with real newlines, for the raw parse.</summary>
    private static (byte[] CrisisCore, string Plain) Generate(int rows)
    {
        string[] locations = ["Lower back", "Lower back; Hip (L)", "left calf", "Lower back; Hip (L); outer left leg", "Buttock; Right thigh"];
        string[] symptoms = ["shooting", "burning; tingling", "aching", "numbness; shooting", ""];
        var lines = new List<string> { "Date,Time,Pain Level,Locations,Symptoms,Limited Activities,Sleep Quality,Mood Impact,Missed Work Days,Notes" };
        var start = new DateTime(2016, 1, 1, 7, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < rows; i++)
        {
            var at = start.AddHours(i * 4.3);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{at:yyyy-MM-dd},{at:HH:mm},{i % 11},\"{locations[i % locations.Length]}\",\"{symptoms[i % symptoms.Length]}\",\"\",{i % 5},,,\"Entry {i}: sat too long, \"\"again\"\"\""));
        }
        return (Encoding.UTF8.GetBytes(string.Join("\\n", lines)), string.Join("\n", lines));
    }

    private static async Task<double> EndToEndAsync(byte[] file, int rows)
    {
        await using var host = await BenchHost.CreateInTempFolderAsync();
        await host.CreatePersonAsync();
        var watch = Stopwatch.StartNew();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var reader = new CrisisCoreCsvReader(scope.ServiceProvider.GetRequiredService<LabelMaximums>());
            var set = reader.Read(new MemoryStream(file), new ImportChoices("Europe/London"));
            if (set.Errors.Count > 0 || set.CheckIns.Count != rows)
            {
                throw new InvalidOperationException("The generated file did not read cleanly: " + string.Join("; ", set.Errors.Take(3)));
            }
            var read = watch.Elapsed;
            await scope.ServiceProvider.GetRequiredService<ImportWriter>().WriteAsync(set, ImportFormats.CrisisCoreCsv, "bench.csv");
            Console.WriteLine(FormattableString.Invariant($"    (a) read {read.TotalMilliseconds:N0} ms, write {(watch.Elapsed - read).TotalMilliseconds:N0} ms"));
        }
        return rows / watch.Elapsed.TotalSeconds;
    }

    private static double Parse(string plain, int rows)
    {
        var watch = Stopwatch.StartNew();
        var count = 0;
        using (var csv = CsvDataReader.Create(new StringReader(plain)))
        {
            while (csv.Read())
            {
                for (var f = 0; f < csv.FieldCount; f++)
                {
                    _ = csv.GetString(f);
                }
                count++;
            }
        }
        return count != rows ? throw new InvalidOperationException("Parse count differs.") : rows / watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> RawInsertAsync(string plain, int rows)
    {
        await using var host = await BenchHost.CreateInTempFolderAsync();
        await host.CreatePersonAsync();
        // Parsed before the clock starts: (c) is the insert alone.
        var parsed = new List<(DateTime At, int Pain, string Locations, string Notes)>(rows);
        using (var csv = CsvDataReader.Create(new StringReader(plain)))
        {
            while (csv.Read())
            {
                var at = DateTime.ParseExact(csv.GetString(0) + " " + csv.GetString(1), "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                parsed.Add((at, int.Parse(csv.GetString(2), CultureInfo.InvariantCulture), csv.GetString(3), csv.GetString(9)));
            }
        }
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var watch = Stopwatch.StartNew();
        await using var connection = new SqliteConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = InsertCheckInSql;
        string[] names = ["$personId", "$id", "$occurredAt", "$zone", "$localDate", "$painNow", "$bodyAreas", "$radiation", "$qualities", "$notes", "$created"];
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        await command.PrepareAsync();
        var now = CheckInWriteBenchmarks.Text(TimeProvider.System.GetUtcNow().UtcDateTime);
        var personId = CheckInWriteBenchmarks.Text(host.PersonId);
        foreach (var (at, pain, locations, notes) in parsed)
        {
            var bits = BodyMap.ToBits(LocationMapper.Map(locations));
            command.Parameters["$personId"].Value = personId;
            command.Parameters["$id"].Value = CheckInWriteBenchmarks.Text(Guid.CreateVersion7());
            command.Parameters["$occurredAt"].Value = CheckInWriteBenchmarks.Text(at);
            command.Parameters["$zone"].Value = "Europe/London";
            command.Parameters["$localDate"].Value = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(at, london)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            command.Parameters["$painNow"].Value = pain;
            command.Parameters["$bodyAreas"].Value = bits;
            command.Parameters["$radiation"].Value = (int)BodyMap.RadiationOf(bits);
            command.Parameters["$qualities"].Value = 0;
            command.Parameters["$notes"].Value = notes;
            command.Parameters["$created"].Value = now;
            await command.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        return rows / watch.Elapsed.TotalSeconds;
    }
}
