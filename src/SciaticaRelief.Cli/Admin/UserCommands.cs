using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Data.Accounts;

namespace SciaticaRelief.Cli.Admin;

/// <summary>`relief admin user create` and `relief admin user reset-password`.</summary>
internal static class UserCommands
{
    public static Command Create(CliContext context) => new("user", "Person accounts.")
    {
        CreateUser(context),
        ResetPassword(context),
    };

    private static Option<string> EmailOption() => new("--email") { Required = true, Description = "The account's email address." };

    private static Command CreateUser(CliContext context)
    {
        var email = EmailOption();
        var admin = new Option<bool>("--admin") { Description = "Make the account an administrator (the first account of an install should be one)." };
        var password = new PasswordInput();
        var command = new Command("create", "Creates a Person account.") { email, admin };
        password.AddTo(command);
        command.SetAction(async (parsed, ct) =>
        {
            var (secret, exitCode) = password.Read(context, parsed, "relief admin user create --email E");
            if (secret is null)
            {
                return exitCode;
            }
            return await Hosting.RunAsync(context, parsed, sp => CreateUserAsync(context, sp, parsed.GetRequiredValue(email), secret, parsed.GetValue(admin), ct), ct);
        });
        return command;
    }

    private static async Task<int> CreateUserAsync(CliContext context, IServiceProvider services, string email, string password, bool administrator, CancellationToken ct)
    {
        var accounts = services.GetRequiredService<AccountService>();
        if (await services.GetRequiredService<UserManager<ReliefUser>>().FindByEmailAsync(email.Trim()) is not null)
        {
            return context.Fail($"An account with the email {email.Trim()} already exists. To set its password: relief admin user reset-password --email {email.Trim()} --password-stdin");
        }
        var first = !await accounts.AnyAccountAsync(ct);
        var result = await accounts.CreatePersonAsync(email, password, administrator, ct: ct);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                context.Stderr.WriteLine("error: " + error);
            }
            return ReliefCli.Failed;
        }
        // The install has an account now: retire the web app's one-time setup link.
        await accounts.NewSetupSecretIfEmptyAsync(ct);

        var user = result.Value!;
        context.Stdout.WriteLine(administrator
            ? $"Created administrator account {user.Email}{(first ? " (the first account of this install)" : "")}."
            : $"Created account {user.Email}.");
        if (first && !administrator)
        {
            context.Stderr.WriteLine("note: this is the first account of this install and it is not an administrator: "
                + "nobody can open sign-ups or invite therapists yet. Create an administrator with --admin.");
        }
        return ReliefCli.Ok;
    }

    private static Command ResetPassword(CliContext context)
    {
        var email = EmailOption();
        var password = new PasswordInput();
        var command = new Command("reset-password", "Sets a new password and lifts a sign-in lockout.") { email };
        password.AddTo(command);
        command.SetAction(async (parsed, ct) =>
        {
            var (secret, exitCode) = password.Read(context, parsed, "relief admin user reset-password --email E");
            if (secret is null)
            {
                return exitCode;
            }
            return await Hosting.RunAsync(context, parsed, async sp =>
            {
                var result = await sp.GetRequiredService<AccountService>().ResetPasswordAsync(parsed.GetRequiredValue(email), secret, ct);
                if (!result.Succeeded)
                {
                    foreach (var error in result.Errors)
                    {
                        context.Stderr.WriteLine("error: " + error);
                    }
                    return ReliefCli.Failed;
                }
                context.Stdout.WriteLine($"Reset the password of {result.Value!.Email}; any sign-in lockout is lifted.");
                return ReliefCli.Ok;
            }, ct);
        });
        return command;
    }
}
