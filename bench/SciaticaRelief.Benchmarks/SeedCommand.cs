using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Data.Accounts;

namespace SciaticaRelief.Benchmarks;

/// <summary>
/// `seed --db PATH`: migrates the file as the app does, creates one Person (AccountService), adds
/// years of check-ins with their triage in one transaction, makes a personal access token
/// (AccountService.CreateTokenAsync) and prints it, alone, on standard output. Progress goes to
/// standard error, so a script can read the token with $(...).
/// </summary>
public static class SeedCommand
{
    private const string Usage = "usage: seed --db PATH [--years 3] [--per-day 3] [--zone Europe/London]";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? path = null;
        var years = 3;
        var perDay = 3;
        var zone = "Europe/London";
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--db" when value is not null: path = value; i++; break;
                case "--years" when value is not null: years = int.Parse(value, CultureInfo.InvariantCulture); i++; break;
                case "--per-day" when value is not null: perDay = int.Parse(value, CultureInfo.InvariantCulture); i++; break;
                case "--zone" when value is not null: zone = value; i++; break;
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        if (path is null)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var watch = Stopwatch.StartNew();
        await using var host = await BenchHost.CreateAsync(Path.GetFullPath(path));
        var person = await host.CreatePersonAsync(zone);
        var count = await host.SeedHistoryAsync(years, perDay, TimeProvider.System.GetUtcNow().UtcDateTime);
        string secret;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            (_, secret) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateTokenAsync(person.Id, "load test");
        }
        await host.CheckpointAsync();
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Seeded {host.DatabasePath}: one Person ({BenchHost.Email}, {zone}), {count} check-ins with their triage over {years} year(s), in {watch.Elapsed.TotalSeconds:0.0} s."));
        Console.WriteLine(secret);
        return 0;
    }
}
