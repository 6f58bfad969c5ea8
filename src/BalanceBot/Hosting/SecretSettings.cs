using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;

namespace BalanceBot.Hosting;

/// <summary>
/// Secrets (app passwords, certificate passwords, bot tokens) must come from the environment or user secrets; a JSON
/// file beside the app gets committed or copied around. Start-up stops, naming the key and the file.
/// </summary>
internal static class SecretSettings
{
    public static void RefuseInJsonFiles(IConfigurationRoot configuration, params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var provider in configuration.Providers.OfType<JsonConfigurationProvider>())
        {
            if (provider.Source.Path!.Contains("secrets.json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var key in keys)
            {
                if (provider.TryGet(key, out var secret) && !string.IsNullOrEmpty(secret))
                {
                    throw new OptionsValidationException(key, typeof(SecretSettings),
                        [$"{key} is set in {provider.Source.Path}: move it to an environment variable or user secrets, and rotate it if that file was ever committed."]);
                }
            }
        }
    }
}
