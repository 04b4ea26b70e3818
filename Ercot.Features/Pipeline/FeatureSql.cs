using Ercot.Core.Schema.Features;

namespace Ercot.Features.Pipeline;

/// <summary>
/// The feature pipeline in DuckDB SQL, over a workspace holding the staged source tables (same names
/// as the store), <c>hour_labels</c> (every staged hour: UTC start, operating day, hour ending, flag,
/// gate) and <c>grid_hours</c> (the requested operating days' hours with calendar columns), both made
/// in C# with <see cref="Ercot.Core.Time.ErcotTime"/>. Exact lags are equi-joins on (day − k, hour
/// ending); rolling statistics are windows over calendar-complete (point, hour ending) series.
/// </summary>
internal static class FeatureSql
{
    /// <summary>Statements that build the intermediate relations, in order.</summary>
    public static IReadOnlyList<string> Prepare { get; } =
    [
        // Local Central clock of a UTC timestamp.
        "CREATE OR REPLACE TEMP MACRO central(t) AS timezone('America/Chicago', timezone('UTC', t))",
        "CREATE OR REPLACE TEMP TABLE labels AS SELECT DISTINCT d, he FROM hour_labels",

        // DAM prices: NP4-190-CD, and the DAM column of the hourly settlement prices where NP4-190-CD has no row.
        """
        CREATE OR REPLACE TEMP TABLE dam AS
        SELECT SettlementPoint AS p, IntervalStartUtc AS t, DeliveryDate AS d, HourEnding AS he, SettlementPointPrice AS price
        FROM hist_DAMSettlementPointPrices
        UNION ALL
        SELECT h.SettlementPoint, h.IntervalStartUtc, h.DeliveryDate, h.HourEnding, h.DamSettlementPointPrice
        FROM hist_HourlySettlementPointPrices h
        ANTI JOIN hist_DAMSettlementPointPrices x ON x.SettlementPoint = h.SettlementPoint AND x.IntervalStartUtc = h.IntervalStartUtc
        WHERE h.DamSettlementPointPrice IS NOT NULL
        """,

        // Hourly RT, best source first: the mean of all four 15-minute SPPs; the published hourly SPP; the SCED
        // mean (a proxy without the real-time adders). Energy-weighted load-zone prices (type LZEW) are a
        // different product and stay out.
        """
        CREATE OR REPLACE TEMP TABLE rt_h AS
        SELECT SettlementPointName AS p, date_trunc('hour', IntervalStartUtc) AS t,
               avg(SettlementPointPrice) AS price, max(SettlementPointPrice) AS mx, count(*) AS n
        FROM hist_RealTimeLMP WHERE SettlementPointType NOT LIKE '%EW' GROUP BY ALL
        """,
        """
        CREATE OR REPLACE TEMP TABLE rt_hourly AS
        SELECT SettlementPoint AS p, IntervalStartUtc AS t, RtSettlementPointPrice AS price
        FROM hist_HourlySettlementPointPrices WHERE RtSettlementPointPrice IS NOT NULL
        """,
        """
        CREATE OR REPLACE TEMP TABLE sced_h AS
        SELECT SettlementPoint AS p, date_trunc('hour', IntervalStartUtc) AS t,
               avg(LMP) AS mean, max(LMP) AS mx, stddev_samp(LMP) AS sd
        FROM hist_LMPbyResourceNodesLoadZonesandTradingHubs GROUP BY ALL
        """,
        """
        CREATE OR REPLACE TEMP TABLE hourly AS
        SELECT d.p, d.t, d.d, d.he, d.price AS dam,
               CASE WHEN r.n = 4 THEN r.price WHEN hr.price IS NOT NULL THEN hr.price ELSE s.mean END AS rt,
               CASE WHEN r.n = 4 THEN 'spp' WHEN hr.price IS NOT NULL THEN 'spp_hourly' WHEN s.mean IS NOT NULL THEN 'sced' END AS rt_source
        FROM dam d
        LEFT JOIN rt_h r ON r.p = d.p AND r.t = d.t
        LEFT JOIN rt_hourly hr ON hr.p = d.p AND hr.t = d.t
        LEFT JOIN sced_h s ON s.p = d.p AND s.t = d.t
        """,

        // The points built: those with a target somewhere in the staged range (never every point of a one-day
        // all-points file), narrowed to the requested ones when the request names any.
        """
        CREATE OR REPLACE TEMP TABLE points AS
        SELECT DISTINCT p FROM hourly
        WHERE rt IS NOT NULL AND ((SELECT count(*) FROM requested_points) = 0 OR p IN (SELECT p FROM requested_points))
        """,
        "CREATE OR REPLACE TEMP TABLE grid AS SELECT pt.p, h.* FROM points pt CROSS JOIN grid_hours h",

        // Calendar-complete series per (point, day, hour ending), the repeated hour folded in.
        """
        CREATE OR REPLACE TEMP TABLE series AS
        SELECT pt.p, l.d, l.he, x.dam, x.rt, x.dam - x.rt AS dart
        FROM points pt CROSS JOIN labels l
        LEFT JOIN (SELECT p, d, he, avg(dam) AS dam, avg(rt) AS rt FROM hourly GROUP BY ALL) x
          ON x.p = pt.p AND x.d = l.d AND x.he = l.he
        """,
        """
        CREATE OR REPLACE TEMP TABLE rolling AS
        SELECT p, d, he,
          avg(dart) OVER w7 AS dart_mean_7d, stddev_samp(dart) OVER w7 AS dart_std_7d, avg(abs(dart)) OVER w7 AS dart_mean_abs_7d,
          avg(rt) OVER w7 AS rt_mean_7d,
          avg(dart) OVER w28 AS dart_mean_28d, median(dart) OVER w28 AS dart_median_28d,
          avg(dam) OVER d7 AS dam_mean_7d, stddev_samp(dam) OVER d7 AS dam_std_7d, avg(dam) OVER d28 AS dam_mean_28d
        FROM series
        WINDOW w7 AS (PARTITION BY p, he ORDER BY d RANGE BETWEEN INTERVAL 8 DAY PRECEDING AND INTERVAL 2 DAY PRECEDING),
               w28 AS (PARTITION BY p, he ORDER BY d RANGE BETWEEN INTERVAL 29 DAY PRECEDING AND INTERVAL 2 DAY PRECEDING),
               d7 AS (PARTITION BY p, he ORDER BY d RANGE BETWEEN INTERVAL 7 DAY PRECEDING AND INTERVAL 1 DAY PRECEDING),
               d28 AS (PARTITION BY p, he ORDER BY d RANGE BETWEEN INTERVAL 28 DAY PRECEDING AND INTERVAL 1 DAY PRECEDING)
        """,
        """
        CREATE OR REPLACE TEMP TABLE days AS
        SELECT p, d, avg(dart) AS dart_mean, max(rt) AS rt_max, avg(dam) AS dam_mean, max(dam) AS dam_max, min(dam) AS dam_min,
               avg(dam) FILTER (WHERE he BETWEEN 17 AND 21) AS dam_peak
        FROM series GROUP BY ALL
        """,
        """
        CREATE OR REPLACE TEMP TABLE dl AS
        SELECT g.p, g.t, s2.dart AS dart_d2, s7.dart AS dart_d7, r.dart_mean_7d AS mean_7d, r.dart_mean_28d AS mean_28d,
               r.dart_median_28d AS median_28d, r.dart_std_7d AS std_7d, r.dart_mean_abs_7d AS mean_abs_7d,
               y2.dart_mean AS day_mean_d2, s2.rt AS rt_d2, r.rt_mean_7d, y2.rt_max AS rt_day_max_d2
        FROM grid g
        LEFT JOIN series s2 ON s2.p = g.p AND s2.d = g.d - 2 AND s2.he = g.he
        LEFT JOIN series s7 ON s7.p = g.p AND s7.d = g.d - 7 AND s7.he = g.he
        LEFT JOIN rolling r ON r.p = g.p AND r.d = g.d AND r.he = g.he
        LEFT JOIN days y2 ON y2.p = g.p AND y2.d = g.d - 2
        """,
        """
        CREATE OR REPLACE TEMP TABLE dm AS
        SELECT g.p, g.t, s1.dam AS d1, y1.dam_mean AS day_mean_d1, y1.dam_max AS day_max_d1, y1.dam_min AS day_min_d1,
               y1.dam_peak AS peak_d1, r.dam_mean_7d AS mean_7d, r.dam_mean_28d AS mean_28d, r.dam_std_7d AS std_7d
        FROM grid g
        LEFT JOIN series s1 ON s1.p = g.p AND s1.d = g.d - 1 AND s1.he = g.he
        LEFT JOIN days y1 ON y1.p = g.p AND y1.d = g.d - 1
        LEFT JOIN rolling r ON r.p = g.p AND r.d = g.d AND r.he = g.he
        """,

        // Ancillary-service prices of D−1.
        """
        CREATE OR REPLACE TEMP TABLE ax AS
        SELECT h.t, a.regup, a.regdn, a.rrs, a.nspin, a.ecrs, m.regup_day_mean
        FROM grid_hours h
        LEFT JOIN (SELECT DeliveryDate AS d, HourEnding AS he, avg(REGUP) AS regup, avg(REGDN) AS regdn, avg(RRS) AS rrs,
                          avg(NSPIN) AS nspin, avg(ECRS) AS ecrs
                   FROM hist_DAMAncillaryServiceClearingPrices GROUP BY ALL) a ON a.d = h.d - 1 AND a.he = h.he
        LEFT JOIN (SELECT DeliveryDate AS d, avg(REGUP) AS regup_day_mean FROM hist_DAMAncillaryServiceClearingPrices GROUP BY ALL) m
          ON m.d = h.d - 1
        """,

        // Load of D−2 and older.
        """
        CREATE OR REPLACE TEMP TABLE load_l AS
        SELECT l.d, l.he, x.total, x.north, x.south, x.west, x.houston,
               avg(x.total) OVER (PARTITION BY l.he ORDER BY l.d RANGE BETWEEN INTERVAL 8 DAY PRECEDING AND INTERVAL 2 DAY PRECEDING) AS mean_7d_ahead
        FROM labels l
        LEFT JOIN (SELECT OperDay AS d, HourEnding AS he, avg(TOTAL) AS total, avg(NORTH) AS north, avg(SOUTH) AS south,
                          avg(WEST) AS west, avg(HOUSTON) AS houston
                   FROM hist_ActualSystemLoadbyForecastZone GROUP BY ALL) x ON x.d = l.d AND x.he = l.he
        """,
        """
        CREATE OR REPLACE TEMP TABLE ld AS
        SELECT h.t, l2.total AS total_d2, l2.north AS north_d2, l2.south AS south_d2, l2.west AS west_d2, l2.houston AS houston_d2,
               l7.total AS total_d7, y.day_mean AS day_mean_d2, y.day_max AS day_max_d2, l0.mean_7d_ahead AS mean_7d
        FROM grid_hours h
        LEFT JOIN load_l l2 ON l2.d = h.d - 2 AND l2.he = h.he
        LEFT JOIN load_l l7 ON l7.d = h.d - 7 AND l7.he = h.he
        LEFT JOIN load_l l0 ON l0.d = h.d AND l0.he = h.he
        LEFT JOIN (SELECT d, avg(total) AS day_mean, max(total) AS day_max FROM load_l GROUP BY d) y ON y.d = h.d - 2
        """,

        // The latest wind and solar vintages posted before each staged hour's gate.
        """
        CREATE OR REPLACE TEMP TABLE wind_v AS
        SELECT l.t, l.d, w.PostedUtc AS posted, l.gate, w.STWPF_SYSTEM_WIDE AS stwpf, w.COP_HSL_SYSTEM_WIDE AS cop_hsl,
               w.WGRPP_SYSTEM_WIDE AS wgrpp, w.STWPF_PANHANDLE AS panhandle, w.STWPF_COASTAL AS coastal, w.STWPF_SOUTH AS south,
               w.STWPF_WEST AS west, w.STWPF_NORTH AS north
        FROM hour_labels l JOIN hist_WindPowerProductionHourlyAveragedActualandForecastedValues w
          ON w.IntervalStartUtc = l.t AND w.PostedUtc < l.gate AND w.STWPF_SYSTEM_WIDE IS NOT NULL
        QUALIFY row_number() OVER (PARTITION BY l.t ORDER BY w.PostedUtc DESC) = 1
        """,
        """
        CREATE OR REPLACE TEMP TABLE solar_v AS
        SELECT l.t, l.d, s.STPPF_SYSTEM_WIDE AS stppf, s.PVGRPP_SYSTEM_WIDE AS pvgrpp, s.COP_HSL_SYSTEM_WIDE AS cop_hsl
        FROM hour_labels l JOIN hist_SolarPowerProductionHourlyAveragedActualandForecastedValues s
          ON s.IntervalStartUtc = l.t AND s.PostedUtc < l.gate AND s.STPPF_SYSTEM_WIDE IS NOT NULL
        QUALIFY row_number() OVER (PARTITION BY l.t ORDER BY s.PostedUtc DESC) = 1
        """,
        """
        CREATE OR REPLACE TEMP TABLE fc AS
        SELECT h.t, w.stwpf AS wind_stwpf, w.cop_hsl AS wind_cop_hsl, w.wgrpp AS wind_wgrpp, w.panhandle AS wind_panhandle,
               w.coastal AS wind_coastal, w.south AS wind_south, w.west AS wind_west, w.north AS wind_north,
               avg(w.stwpf) OVER (PARTITION BY h.d) AS wind_day_mean,
               w.stwpf - lag(w.stwpf) OVER (PARTITION BY h.d ORDER BY h.t) AS wind_ramp,
               s.stppf AS solar_stppf, s.pvgrpp AS solar_pvgrpp, s.cop_hsl AS solar_cop_hsl,
               sum(s.stppf) OVER (PARTITION BY h.d) AS solar_day_sum,
               s.stppf - lag(s.stppf) OVER (PARTITION BY h.d ORDER BY h.t) AS solar_ramp,
               epoch(h.gate - w.posted) / 3600.0 AS vintage_age
        FROM grid_hours h LEFT JOIN wind_v w ON w.t = h.t LEFT JOIN solar_v s ON s.t = h.t
        """,

        // The day before the gate: a 15- or 5-minute interval (or an hour of a point priced only hourly) that
        // ended, or a SCED run made, by 09:45 Central on D−1 (public by 09:50, ahead of the 10:00 gate) and
        // after 09:45 on D−2 counts for operating day D, i.e. D = date(local end + 15 min − 10 h) + 2.
        """
        CREATE OR REPLACE TEMP TABLE l24 AS
        SELECT coalesce(r.p, s.p) AS p, coalesce(r.d, s.d) AS d, r.rt_mean, r.rt_max, r.rt_std, r.scarcity_count, r.negative_count,
               s.sced_max, s.sced_std
        FROM (SELECT p, CAST(central(t + span + INTERVAL 15 MINUTE) - INTERVAL 10 HOUR - INTERVAL 1 MICROSECOND AS DATE) + 2 AS d,
                     avg(price) AS rt_mean, max(price) AS rt_max, stddev_samp(price) AS rt_std,
                     count(*) FILTER (WHERE price > 100) AS scarcity_count,
                     count(*) FILTER (WHERE price < 0) AS negative_count
              FROM (SELECT SettlementPointName AS p, IntervalStartUtc AS t, SettlementPointPrice AS price, INTERVAL 15 MINUTE AS span
                    FROM hist_RealTimeLMP WHERE SettlementPointType NOT LIKE '%EW'
                    UNION ALL
                    SELECT hr.p, hr.t, hr.price, INTERVAL 1 HOUR FROM rt_hourly hr ANTI JOIN rt_h q ON q.p = hr.p AND q.t = hr.t)
              GROUP BY ALL) r
        FULL JOIN (SELECT SettlementPoint AS p, CAST(central(IntervalStartUtc + INTERVAL 15 MINUTE) - INTERVAL 10 HOUR AS DATE) + 2 AS d,
                          max(LMP) AS sced_max, stddev_samp(LMP) AS sced_std
                   FROM hist_LMPbyResourceNodesLoadZonesandTradingHubs GROUP BY ALL) s
          ON s.p = r.p AND s.d = r.d
        """,
        """
        CREATE OR REPLACE TEMP TABLE s24 AS
        SELECT coalesce(x.d, y.d) AS d, x.shadow_max, x.shadow_mean, coalesce(x.binding_count, 0) AS binding_count, y.solar_max
        FROM (SELECT CAST(central(IntervalStartUtc + INTERVAL 15 MINUTE) - INTERVAL 10 HOUR AS DATE) + 2 AS d,
                     max(ShadowPrice) AS shadow_max, avg(ShadowPrice) AS shadow_mean, count(*) AS binding_count
              FROM hist_SCEDShadowPricesandBindingTransmissionConstraints GROUP BY ALL) x
        FULL JOIN (SELECT CAST(central(IntervalStartUtc + INTERVAL 20 MINUTE) - INTERVAL 10 HOUR - INTERVAL 1 MICROSECOND AS DATE) + 2 AS d,
                          max(SYSTEM_WIDE_GEN) AS solar_max
                   FROM hist_SolarPowerProductionActual5MinuteAveragedValues GROUP BY ALL) y ON y.d = x.d
        """,

        // The same hour of D−2, resampled.
        """
        CREATE OR REPLACE TEMP TABLE r2 AS
        SELECT g.p, g.t, s.sced_mean, s.sced_max, s.sced_std, s.rt_max
        FROM grid g
        LEFT JOIN (SELECT x.p, l.d, l.he, avg(x.mean) AS sced_mean, max(x.mx) AS sced_max, avg(x.sd) AS sced_std, max(r.mx) AS rt_max
                   FROM sced_h x JOIN hour_labels l ON l.t = x.t LEFT JOIN rt_h r ON r.p = x.p AND r.t = x.t GROUP BY ALL) s
          ON s.p = g.p AND s.d = g.d - 2 AND s.he = g.he
        """,
        """
        CREATE OR REPLACE TEMP TABLE sh2 AS
        SELECT h.t, x.shadow_max, x.shadow_mean, coalesce(x.binding_count, 0) AS binding_count
        FROM grid_hours h
        LEFT JOIN (SELECT l.d, l.he, max(s.ShadowPrice) AS shadow_max, avg(s.ShadowPrice) AS shadow_mean, count(*) AS binding_count
                   FROM hist_SCEDShadowPricesandBindingTransmissionConstraints s
                   JOIN hour_labels l ON l.t = date_trunc('hour', s.IntervalStartUtc) GROUP BY ALL) x
          ON x.d = h.d - 2 AND x.he = h.he
        """,

        // Generation published before the gate.
        """
        CREATE OR REPLACE TEMP TABLE gn AS
        SELECT h.t, a.gen AS wind_gen_d3, a.gen - v.stwpf AS wind_error_d3, s.gen AS solar_gen_d2
        FROM grid_hours h
        LEFT JOIN hour_labels l3 ON l3.d = h.d - 3 AND l3.he = h.he AND NOT l3.f
        LEFT JOIN (SELECT w.IntervalStartUtc AS t, w.PostedUtc AS posted, w.SYSTEM_WIDE_GEN AS gen
                   FROM hist_WindPowerProductionHourlyAveragedActualandForecastedValues w WHERE w.SYSTEM_WIDE_GEN IS NOT NULL) a
          ON a.t = l3.t AND a.posted < h.gate
        LEFT JOIN wind_v v ON v.t = l3.t
        LEFT JOIN (SELECT l.d, l.he, avg(x.SYSTEM_WIDE_GEN) AS gen
                   FROM hist_SolarPowerProductionActual5MinuteAveragedValues x
                   JOIN hour_labels l ON l.t = date_trunc('hour', x.IntervalStartUtc) GROUP BY ALL) s
          ON s.d = h.d - 2 AND s.he = h.he
        QUALIFY row_number() OVER (PARTITION BY h.t ORDER BY a.posted DESC NULLS LAST) = 1
        """,
    ];

    /// <summary>
    /// The feature rows of the grid: keys, target, then every feature of the catalogue in order. Values
    /// are rounded to 1e-6, in two steps: parallel aggregation sums in varying order, so the last bits
    /// differ between runs; rounding to 1e-10 first erases them (averages of cent prices never sit on a
    /// 1e-10 boundary), and only then to 1e-6, so a rebuild writes the same file.
    /// </summary>
    public static string Select { get; } = $"""
        SELECT g.p AS settlement_point, g.t AS delivery_hour_utc, g.d AS delivery_date, g.he AS hour_ending, g.f AS dst_flag,
               strftime(g.d, '%Y-%m') AS delivery_month, tg.rt_source, round(round(tg.dam - tg.rt, 10), 6) AS dart,
               {string.Join(",\n       ", FeatureCatalog.All.Select(feature => $"round(round(CAST({feature.Sql} AS DOUBLE), 10), 6) AS {feature.Name}"))}
        FROM grid g
        LEFT JOIN hourly tg ON tg.p = g.p AND tg.t = g.t
        LEFT JOIN dl ON dl.p = g.p AND dl.t = g.t
        LEFT JOIN dm ON dm.p = g.p AND dm.t = g.t
        LEFT JOIN ax ON ax.t = g.t
        LEFT JOIN ld ON ld.t = g.t
        LEFT JOIN fc ON fc.t = g.t
        LEFT JOIN l24 ON l24.p = g.p AND l24.d = g.d
        LEFT JOIN s24 ON s24.d = g.d
        LEFT JOIN r2 ON r2.p = g.p AND r2.t = g.t
        LEFT JOIN sh2 ON sh2.t = g.t
        LEFT JOIN gn ON gn.t = g.t
        """;
}
