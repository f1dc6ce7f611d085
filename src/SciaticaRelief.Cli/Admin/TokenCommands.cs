using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Data.Accounts;

namespace SciaticaRelief.Cli.Admin;

/// <summary>`relief admin token create`: only the token goes to stdout, so `$(...)` captures it.</summary>
internal static class TokenCommands
{
    public static Command Create(CliContext context) => new("token", "Personal access tokens for the JSON API.")
    {
        CreateToken(context),
    };

    private static Command CreateToken(CliContext context)
    {
        var email = new Option<string>("--email") { Required = true, Description = "The account the token acts as." };
        var name = new Option<string>("--name")
        {
            Description = "A name to tell the token apart on the Settings page.",
            DefaultValueFactory = _ => "relief cli",
        };
        var command = new Command("create", "Creates a personal access token and prints it (once) on stdout.") { email, name };
        command.SetAction((parsed, ct) => Hosting.RunAsync(context, parsed, async sp =>
        {
            var address = parsed.GetRequiredValue(email).Trim();
            var users = sp.GetRequiredService<UserManager<ReliefUser>>();
            var user = await users.FindByEmailAsync(address);
            if (user is null)
            {
                return context.Fail($"No account has the email {address}.");
            }
            var (token, secret) = await sp.GetRequiredService<AccountService>().CreateTokenAsync(user.Id, parsed.GetValue(name) ?? "", ct);
            context.Stdout.WriteLine(secret);
            context.Stderr.WriteLine($"Created token \"{token.Name}\" ({token.Prefix}...) for {user.Email}. It is shown only this once.");
            if (await users.IsLockedOutAsync(user))
            {
                context.Stderr.WriteLine("note: the account is locked out, so the token is refused until the lockout ends (reset-password lifts it).");
            }
            return ReliefCli.Ok;
        }, ct));
        return command;
    }
}
