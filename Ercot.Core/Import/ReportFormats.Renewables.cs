using System.Globalization;
using Ercot.Core.Schema;
using Ercot.Core.Time;

namespace Ercot.Core.Import;

public static partial class ReportFormats
{
    private static IEnumerable<ReportFormat> RenewableFormats()
    {
        var windRegions = ErcotTables.WindRegionNames
            .SelectMany(region =>
            {
                var source = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(region.ToLowerInvariant());
                return new[]
                {
                    ($"GEN{source}", $"GEN_{region}"), ($"COPHSL{source}", $"COP_HSL_{region}"),
                    ($"STWPF{source}", $"STWPF_{region}"), ($"WGRPP{source}", $"WGRPP_{region}"),
                };
            })
            .ToArray();

        // The public API's column names (postedDatetime, deliveryDate, hourEnding, COPHSLSystemWide, …), as CSV or Parquet.
        var wind = InBothKinds("NP4-732-CD wind production and forecasts", ErcotTables.WindHourly,
            ["postedDatetime", "deliveryDate", "hourEnding", "COPHSLSystemWide", "STWPFSystemWide"],
            (record, row) =>
            {
                WriteForecastHour(record, row);
                WriteValues(record, row,
                [
                    ("GENSystemWide", "SYSTEM_WIDE_GEN"), ("COPHSLSystemWide", "COP_HSL_SYSTEM_WIDE"), ("STWPFSystemWide", "STWPF_SYSTEM_WIDE"),
                    ("WGRPPSystemWide", "WGRPP_SYSTEM_WIDE"), ("HSLSystemWide", "SYSTEM_WIDE_HSL"), .. windRegions,
                ]);
            });

        var solar = InBothKinds("NP4-745-CD solar production and forecasts", ErcotTables.SolarHourly,
            ["postedDatetime", "deliveryDate", "hourEnding", "COPHSLSystemWide", "STPPFSystemWide"],
            (record, row) =>
            {
                WriteForecastHour(record, row);
                WriteValues(record, row,
                [
                    ("GENSystemWide", "SYSTEM_WIDE_GEN"), ("COPHSLSystemWide", "COP_HSL_SYSTEM_WIDE"), ("STPPFSystemWide", "STPPF_SYSTEM_WIDE"),
                    ("PVGRPPSystemWide", "PVGRPP_SYSTEM_WIDE"), ("HSLSystemWide", "SYSTEM_WIDE_HSL"),
                ]);
            });

        var solar5Minute = new ReportFormat("NP4-746-CD solar 5-minute actuals", ReportFileKind.Csv, ErcotTables.Solar5Minute,
            ["INTERVAL_ENDING", "SYSTEM_WIDE_GEN", "DSTFlag"],
            (record, row) =>
            {
                var ending = record.LocalClock("INTERVAL_ENDING");
                var repeated = record.Flag("DSTFlag");
                row["INTERVAL_ENDING"] = ending;
                row["DSTFlag"] = repeated;
                WriteValues(record, row, Same("SYSTEM_WIDE_GEN", "SYSTEM_WIDE_HSL"));
                row[ErcotTable.TimeColumn] = record.Check("INTERVAL_ENDING", () => ErcotTime.IntervalEndingStartUtc(ending, ErcotTime.FiveMinutes, repeated));
            });

        return [.. wind, .. solar, solar5Minute];
    }

    /// <summary>
    /// Delivery hour and posting time of a forecast vintage. Postings carry no repeated-hour flag: a
    /// posting stamped inside the fall-back hour is read as its first (daylight-time) pass.
    /// </summary>
    /// <remarks>
    /// The solar dumps label the spring-forward day's second hour "HE 3" — the clock time at which it
    /// ends (03:00 CDT) — and have no HE 2. That label is read as the hour it names, ERCOT's HE 02.
    /// Any other missing hour stays an error.
    /// </remarks>
    private static void WriteForecastHour(SourceRecord record, RowWriter row)
    {
        var date = record.Date("deliveryDate");
        var hour = record.HourEnding("hourEnding");
        if (hour == 3 && ErcotTime.HoursInDay(date) == 23)
        {
            hour = 2;
        }
        var repeated = record.Has("DSTFlag") && record.Flag("DSTFlag");
        var posted = record.LocalClock("postedDatetime");
        row["DELIVERY_DATE"] = date;
        row["HOUR_ENDING"] = hour;
        row["DSTFlag"] = repeated;
        row["POSTED_DATETIME"] = posted;
        row["PostedUtc"] = record.Check("postedDatetime", () => ErcotTime.LocalClockToUtc(posted, isRepeated: false));
        row[ErcotTable.TimeColumn] = record.Check("hourEnding", () => ErcotTime.HourStartUtc(date, hour, repeated));
    }
}
