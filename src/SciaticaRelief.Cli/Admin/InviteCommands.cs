using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Data.Accounts;

namespace SciaticaRelief.Cli.Admin;

/// <summary>`relief admin invite-therapist`: only the link goes to stdout, so `$(...)` captures it.</summary>
internal static class InviteCommands
{
    /// <summary>Invites made from the command line have no administrator account behind them.</summary>
    public static readonly Guid Operator = Guid.Empty;

    public static Command Create(CliContext context)
    {
        var email = new Option<string>("--email") { Required = true, Description = "The therapist's email, for your records (not checked at sign-up)." };
        var baseUrl = new Option<string>("--base-url")
        {
            Description = "The app's public address, to print a whole link. Default: Relief:PublicUrl from the configuration.",
        };
        var command = new Command("invite-therapist",
            $"Makes a one-time link for a massage therapist to create a therapist account (valid {TherapistInvite.LifetimeDays} days) and prints it.")
        {
            email, baseUrl,
        };
        command.SetAction((parsed, ct) => Hosting.RunAsync(context, parsed, async sp =>
        {
            var result = await sp.GetRequiredService<AccountService>().CreateTherapistInviteAsync(Operator, parsed.GetRequiredValue(email), ct);
            if (!result.Succeeded)
            {
                return context.Fail(string.Join(" ", result.Errors));
            }
            var (invite, code) = result.Value;
            var root = (parsed.GetValue(baseUrl) ?? sp.GetRequiredService<IConfiguration>()["Relief:PublicUrl"])?.TrimEnd('/');
            var path = "/account/signup?invite=" + Uri.EscapeDataString(code);
            context.Stdout.WriteLine(root + path);
            context.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Invitation for {invite.Email}, valid until {invite.ExpiresAtUtc:yyyy-MM-dd HH:mm} UTC. It works once and is shown only this once."));
            if (string.IsNullOrEmpty(root))
            {
                context.Stderr.WriteLine("note: prefix the path with the app's address (set Relief:PublicUrl or pass --base-url to print it whole).");
            }
            return ReliefCli.Ok;
        }, ct));
        return command;
    }
}
