using BalanceBot.Core.Conversations;
using BalanceBot.Storage;
using Microsoft.Extensions.Options;

namespace BalanceBot.Cli;

/// <summary>
/// Turns the start-up failures a person can fix (configuration, dialog files, a locked database) into a clear message
/// and exit code 1 instead of a stack trace. Anything else is a defect and keeps its stack trace.
/// </summary>
internal static class StartupErrors
{
    public static async Task<int> GuardAsync(Func<Task<int>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (OptionsValidationException ex)
        {
            return Fail("Invalid configuration:", ex.Failures);
        }
        catch (DialogValidationException ex)
        {
            return Fail("The dialog files have problems:", ex.Problems.Select(p => p.ToString()));
        }
        catch (StorageUnavailableException ex)
        {
            // One line: the message names the file, Storage:Path and what to do (issue 14 §8, §14).
            System.Console.Error.WriteLine(ex.Message);
            return 1;
        }
        catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            // Kestrel's message names the address ("Failed to bind to address …: address already in use.").
            System.Console.Error.WriteLine($"{ex.Message} Stop the program using it, or choose another address with --urls.");
            return 1;
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            return Fail("Invalid configuration:", [ex.Message]);
        }
    }

    private static int Fail(string heading, IEnumerable<string> lines)
    {
        System.Console.Error.WriteLine(heading);
        foreach (var line in lines)
        {
            System.Console.Error.WriteLine($"  {line}");
        }

        return 1;
    }
}
