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
/// `import [--rows 20000] [--rounds 3] [--warmup 2]`: a generated CrisisCore-like CSV (full policy, rows joined by
/// the literal \n, quoted locations, symptoms and notes), three ways, each on a fresh SQLite file:
/// (a) end to end: CrisisCoreCsvReader (Sylvan under it) and ImportWriter into SQLite (check-ins plus
///     their ImportedRecords, dedupe lookups, one transaction);
/// (b) Sylvan's raw parse of the same rows (real newlines, every field read as a string);
/// (c) a raw insert of the parsed rows, the same two tables the import writes: one prepared ADO.NET
///     INSERT for the check-in and one for its ImportedRecord (source key precomputed), reused for
///     every row with the parameters rebound, in one transaction, after the one ImportBatch row the
///     records point at: the work a careful hand-written loop does, so a/c measures the app's overhead;
/// (c0) the old baseline, check-ins only (CheckInWriteBenchmarks' raw insert), for the history.
/// Prints rows a second for each (median of the rounds) and (a) as a fraction of (b) and of (c)
/// beside the issue's targets (≥ 0.35 of the parse rate, ≥ 0.8 of the insert rate), and the
/// reader alone (a, read part) as a fraction of (b).
/// </summary>
public static class CsvImportBenchmarks
{
    private const string InsertCheckInSql = """
        INSERT INTO "CheckIns" ("PersonId", "Id", "OccurredAtUtc", "TimeZoneId", "LocalDate", "PainNow", "PainWorst", "PainAverage",
            "BodyAreas", "Radiation", "Qualities", "Triggers", "SleepHours", "Stress", "Notes", "CreatedAtUtc", "UpdatedAtUtc", "Version")
        VALUES ($personId, $id, $occurredAt, $zone, $localDate, $painNow, NULL, NULL,
            $bodyAreas, $radiation, $qualities, 0, NULL, NULL, $notes, $created, $created, 1);
        """;

    private const string InsertRecordSql = """
        INSERT INTO "ImportedRecords" ("PersonId", "SourceKey", "BatchId", "TargetType", "TargetId", "Original")
        VALUES ($personId, $key, $batchId, 'CheckIn', $id, $original);
        """;

    private const string InsertBatchSql = """
        INSERT INTO "ImportBatches" ("PersonId", "Id", "Format", "FileName", "ImportedAtUtc", "Imported", "Duplicates", "Skipped", "SkipSummary")
        VALUES ($personId, $id, 'crisiscore-csv', 'bench.csv', $now, $rows, 0, 0, '');
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rows = 20_000;
        var rounds = 3;
        var warmups = 2;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--rows": rows = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--warmup": warmups = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default:
                    await Console.Error.WriteLineAsync("usage: import [--rows 20000] [--rounds 3] [--warmup 2]");
                    return 2;
            }
        }
        var (crisisCore, plain) = Generate(rows);
        var endToEnd = new List<double>();
        var parse = new List<double>();
        var insert = new List<double>();
        var insertCheckIns = new List<double>();
        var read = new List<double>();
        // Warm-up rounds run every case and are not counted: (a) runs first in a round, so its first
        // round would otherwise pay the JIT of the whole app path that (b) and (c) do not have.
        for (var round = -warmups; round < rounds; round++)
        {
            var (all, reading) = await EndToEndAsync(crisisCore, rows);
            if (round < 0)
            {
                Console.WriteLine(FormattableString.Invariant($"  warm-up: a {all:N0}, b {Parse(plain, rows):N0}, c {await RawInsertAsync(plain, rows, withRecords: true):N0}, c0 {await RawInsertAsync(plain, rows, withRecords: false):N0} rows/s (not counted)"));
                continue;
            }
            endToEnd.Add(all);
            read.Add(reading);
            parse.Add(Parse(plain, rows));
            insert.Add(await RawInsertAsync(plain, rows, withRecords: true));
            insertCheckIns.Add(await RawInsertAsync(plain, rows, withRecords: false));
            Console.WriteLine(FormattableString.Invariant($"  round {round + 1}: a {all:N0}, read {reading:N0}, b {parse[^1]:N0}, c {insert[^1]:N0}, c0 {insertCheckIns[^1]:N0} rows/s"));
        }
        double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        var (e, p, r, r0, rd) = (Median(endToEnd), Median(parse), Median(insert), Median(insertCheckIns), Median(read));
        Console.WriteLine(FormattableString.Invariant($"rows: {rows}, rounds: {rounds} (median rows/s)"));
        Console.WriteLine(FormattableString.Invariant($"(a) end to end (reader + ImportWriter, SQLite): {e,12:N0} rows/s"));
        Console.WriteLine(FormattableString.Invariant($"(b) Sylvan raw parse:                          {p,12:N0} rows/s   a/b = {e / p:0.000} (target >= 0.35)"));
        Console.WriteLine(FormattableString.Invariant($"    the reader alone (a's read part):          {rd,12:N0} rows/s   read/b = {rd / p:0.000}"));
        Console.WriteLine(FormattableString.Invariant($"(c) raw ADO insert, check-ins + records:       {r,12:N0} rows/s   a/c = {e / r:0.000} (target >= 0.8)"));
        Console.WriteLine(FormattableString.Invariant($"(c0) raw ADO insert, check-ins only:           {r0,12:N0} rows/s   a/c0 = {e / r0:0.000}"));
        // The machine's speed drifts between rounds; a round's ratio compares runs seconds apart, so its median is steadier.
        var perRound = endToEnd.Zip(insert, (x, y) => x / y).ToList();
        Console.WriteLine(FormattableString.Invariant($"a/c per round: {string.Join(", ", perRound.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))}; median {Median(perRound):0.000} (target >= 0.8)"));
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

    private static async Task<(double All, double Read)> EndToEndAsync(byte[] file, int rows)
    {
        await using var host = await BenchHost.CreateInTempFolderAsync();
        await host.CreatePersonAsync();
        var watch = Stopwatch.StartNew();
        var read = TimeSpan.Zero;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var reader = new CrisisCoreCsvReader(scope.ServiceProvider.GetRequiredService<LabelMaximums>());
            var set = reader.Read(new MemoryStream(file), new ImportChoices("Europe/London"));
            if (set.Errors.Count > 0 || set.CheckIns.Count != rows)
            {
                throw new InvalidOperationException("The generated file did not read cleanly: " + string.Join("; ", set.Errors.Take(3)));
            }
            read = watch.Elapsed;
            await scope.ServiceProvider.GetRequiredService<ImportWriter>().WriteAsync(set, ImportFormats.CrisisCoreCsv, "bench.csv");
            Console.WriteLine(FormattableString.Invariant($"    (a) read {read.TotalMilliseconds:N0} ms, write {(watch.Elapsed - read).TotalMilliseconds:N0} ms"));
        }
        return (rows / watch.Elapsed.TotalSeconds, rows / read.TotalSeconds);
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

    private static async Task<double> RawInsertAsync(string plain, int rows, bool withRecords)
    {
        await using var host = await BenchHost.CreateInTempFolderAsync();
        await host.CreatePersonAsync();
        // Parsed before the clock starts: (c) is the insert alone.
        var parsed = new List<(DateTime At, int Pain, string Locations, string Notes, string Key)>(rows);
        using (var csv = CsvDataReader.Create(new StringReader(plain)))
        {
            while (csv.Read())
            {
                var at = DateTime.ParseExact(csv.GetString(0) + " " + csv.GetString(1), "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                parsed.Add((at, int.Parse(csv.GetString(2), CultureInfo.InvariantCulture), csv.GetString(3), csv.GetString(9),
                    SourceKeys.For(ImportFormats.CrisisCoreCsv, csv.GetString(0), csv.GetString(1), csv.GetString(2), csv.GetString(3), csv.GetString(4), csv.GetString(9))));
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
        var batchId = CheckInWriteBenchmarks.Text(Guid.CreateVersion7());
        await using var record = connection.CreateCommand();
        record.Transaction = tx;
        record.CommandText = InsertRecordSql;
        foreach (var name in (string[])["$personId", "$key", "$batchId", "$id", "$original"])
        {
            record.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        if (withRecords)
        {
            await using var batch = connection.CreateCommand();
            batch.Transaction = tx;
            batch.CommandText = InsertBatchSql;
            batch.Parameters.AddWithValue("$personId", personId);
            batch.Parameters.AddWithValue("$id", batchId);
            batch.Parameters.AddWithValue("$now", now);
            batch.Parameters.AddWithValue("$rows", rows);
            await batch.ExecuteNonQueryAsync();
            await record.PrepareAsync();
        }
        foreach (var (at, pain, locations, notes, key) in parsed)
        {
            var bits = BodyMap.ToBits(LocationMapper.Map(locations));
            var id = CheckInWriteBenchmarks.Text(Guid.CreateVersion7());
            command.Parameters["$personId"].Value = personId;
            command.Parameters["$id"].Value = id;
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
            if (withRecords)
            {
                record.Parameters["$personId"].Value = personId;
                record.Parameters["$key"].Value = key;
                record.Parameters["$batchId"].Value = batchId;
                record.Parameters["$id"].Value = id;
                record.Parameters["$original"].Value = locations;
                await record.ExecuteNonQueryAsync();
            }
        }
        await tx.CommitAsync();
        return rows / watch.Elapsed.TotalSeconds;
    }
}
