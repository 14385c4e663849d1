/**
 * The methods page's text: each method's formula in TeX (rendered by KaTeX at build time), in
 * English and Chinese side by side, with the variant this build used picked from the method
 * options. The options themselves are listed from the results by the page.
 */
import type { Results } from "../pipeline/results.ts";
import type { Lang } from "../i18n/lang.ts";
import { stackedOverlap } from "./results.ts";

export interface MethodSection {
  id: string;
  title: string;
  markdown: string;
}

const bandwidthRules: Record<string, string> = {
  nrd0: String.raw`h = 0.9\,\min\!\left(\hat\sigma, \tfrac{\mathrm{IQR}}{1.34}\right) n^{-1/5}`,
  nrd: String.raw`h = 1.06\,\min\!\left(\hat\sigma, \tfrac{\mathrm{IQR}}{1.34}\right) n^{-1/5}`,
  stata: String.raw`h = 0.9\,\min\!\left(\hat\sigma, \tfrac{\mathrm{IQR}}{1.349}\right) n^{-1/5}`,
  scott_sd: String.raw`h = 1.06\,\hat\sigma\, n^{-1/5}`,
  scipy_silverman: String.raw`h = \hat\sigma \left(\tfrac{3n}{4}\right)^{-1/5}`,
  scipy_scott: String.raw`h = \hat\sigma\, n^{-1/5}`,
  matlab: String.raw`h = \hat\sigma_{\mathrm{MAD}} \left(\tfrac{4}{3n}\right)^{1/5}`,
};

export function methodSections(r: Results, lang: Lang): MethodSection[] {
  const stacked = stackedOverlap(r);
  const L = (en: string, zh: string) => (lang === "en" ? en : zh);
  const m = r.method;
  const sections: MethodSection[] = [];

  sections.push({
    id: "standardisation",
    title: L("Standardisation", "标准化"),
    markdown:
      L(
        `For indicator $j$ and observation $i$ (a unit in a year), the value is range-standardised ${m.entropy.scope === "panel" ? `over all $N = ${m.rows}$ observations at once, so that one scale serves every year` : "within each year"}, and shifted by $a = ${m.entropy.shift}$ so that no value is 0:`,
        `对指标 $j$ 与观测 $i$（某单元某年），${m.entropy.scope === "panel" ? `在全部 $N = ${m.rows}$ 个观测上统一做极差标准化，各年共用同一尺度` : "在每年内分别做极差标准化"}，并平移 $a = ${m.entropy.shift}$，使任何值都不为0：`,
      ) +
      "\n\n" +
      String.raw`$$z_{ij} = \frac{x_{ij} - \min_i x_{ij}}{\max_i x_{ij} - \min_i x_{ij}} + a \quad (+), \qquad z_{ij} = \frac{\max_i x_{ij} - x_{ij}}{\max_i x_{ij} - \min_i x_{ij}} + a \quad (-)$$`,
  });

  sections.push({
    id: "entropy",
    title: L("Entropy weights", "熵值法权重"),
    markdown:
      (m.entropy.standardise === "raw"
        ? L("The shares are taken on the raw values, $p_{ij} = x_{ij} / \\sum_i x_{ij}$ (this build's option); otherwise:", "份额基于原始值计算，$p_{ij} = x_{ij} / \\sum_i x_{ij}$（本次构建的选项）；一般形式为：")
        : L("Each observation's share of the indicator, the indicator's entropy and its weight:", "各观测在指标中的比重、指标的信息熵与权重：")) +
      "\n\n" +
      String.raw`$$p_{ij} = \frac{z_{ij}}{\sum_{i=1}^{N} z_{ij}}, \qquad e_j = -k \sum_{i=1}^{N} p_{ij} \ln p_{ij}, \quad k = \frac{1}{\ln N}, \qquad w_j = \frac{1 - e_j}{\sum_{l=1}^{m} (1 - e_l)}$$` +
      "\n\n" +
      L(
        `An indicator whose values differ more across units and years has a lower entropy and a larger weight. In this build $k = ${m.entropyK.toFixed(8)}$.${m.entropy.dropConstant ? " An indicator that does not vary gets weight 0." : " An indicator that does not vary stops the build."}`,
        `指标值在单元与年份间差异越大，信息熵越小，权重越大。本次构建中 $k = ${m.entropyK.toFixed(8)}$。${m.entropy.dropConstant ? "不变的指标权重为0。" : "若某指标不变，构建将停止并指出该指标。"}`,
      ),
  });

  const weighted = m.topsis.distance === "weighted";
  sections.push({
    id: "topsis",
    title: "TOPSIS",
    markdown:
      (m.topsis.normalisation === "vector"
        ? L("This build uses classical vector normalisation of the raw values before weighting, with cost criteria handled at the ideal point:", "本次构建对原始值采用经典的向量归一化，再加权，负向指标在理想解处理：") +
          "\n\n" +
          String.raw`$$r_{ij} = \frac{x_{ij}}{\sqrt{\sum_{i} x_{ij}^2}}, \qquad v_{ij} = w_j r_{ij}$$`
        : L(
            weighted ? "The weighted matrix, the ideal point (the best value of each indicator) and the anti-ideal (the worst):" : "With the weights inside the distance, the ideal point and the anti-ideal are taken on the standardised values:",
            weighted ? "加权矩阵、正理想解（各指标最优值）与负理想解（最差值）：" : "权重置于距离之内，正负理想解基于标准化值：",
          ) +
          "\n\n" +
          (weighted
            ? String.raw`$$v_{ij} = w_j z_{ij}, \qquad V_j^{+} = \max_i v_{ij}, \qquad V_j^{-} = \min_i v_{ij}$$`
            : String.raw`$$V_j^{+} = \max_i z_{ij}, \qquad V_j^{-} = \min_i z_{ij}$$`)) +
      "\n\n" +
      L(`The ideal and anti-ideal are taken over ${m.topsis.ideal === "panel" ? "the whole panel" : "each year"}. The distances and the relative closeness:`, `正负理想解取自${m.topsis.ideal === "panel" ? "整个面板" : "每一年"}。距离与相对贴近度：`) +
      "\n\n" +
      (weighted || m.topsis.normalisation === "vector"
        ? String.raw`$$D_i^{+} = \sqrt{\sum_{j} (v_{ij} - V_j^{+})^2}, \qquad D_i^{-} = \sqrt{\sum_{j} (v_{ij} - V_j^{-})^2}, \qquad C_i = \frac{D_i^{-}}{D_i^{+} + D_i^{-}}$$`
        : String.raw`$$D_i^{+} = \sqrt{\sum_{j} w_j (z_{ij} - V_j^{+})^2}, \qquad D_i^{-} = \sqrt{\sum_{j} w_j (z_{ij} - V_j^{-})^2}, \qquad C_i = \frac{D_i^{-}}{D_i^{+} + D_i^{-}}$$`) +
      "\n\n" +
      L(
        `$C_i$ lies between 0 and 1. ${m.subindex === "topsis" ? "A dimension's sub-index is the same computation over that dimension's indicators with their global weights." : "A dimension's sub-index is the weighted sum $\\sum_{j \\in d} w_j z_{ij}$ over its indicators."}`,
        `$C_i$ 介于0与1之间。${m.subindex === "topsis" ? "维度分项指数是以该维度指标及其全局权重进行的同样计算。" : "维度分项指数为该维度指标的加权和 $\\sum_{j \\in d} w_j z_{ij}$。"}`,
      ),
  });

  sections.push({
    id: "growth",
    title: L("Growth", "增长率"),
    markdown:
      L("The average annual growth rate from the first year $1$ to the last year $T$:", "由首年 $1$ 至末年 $T$ 的年均增长率：") +
      "\n\n" +
      String.raw`$$g = \left(\frac{x_T}{x_1}\right)^{1/(T-1)} - 1$$` +
      "\n\n" +
      L("Growth from a first-year value of 0 is not defined and is shown as n/a.", "首年值为0时增长率无定义，显示为“无”。"),
  });

  sections.push({
    id: "dagum",
    title: L("Dagum's Gini decomposition", "Dagum基尼系数分解"),
    markdown:
      L(
        `With $k$ regions, $n_j$ observations and mean $\\mu_j$ in region $j$, $n$ observations and mean $\\mu$ in all${stacked ? " (here the stacked sample: each region membership is one observation)" : ""}:`,
        `设有 $k$ 个区域，区域 $j$ 有 $n_j$ 个观测、均值 $\\mu_j$，全体共 $n$ 个观测、均值 $\\mu$${stacked ? "（此处为叠加样本：每个区域成员身份为一个观测）" : ""}：`,
      ) +
      "\n\n" +
      String.raw`$$G = \frac{\sum_{j=1}^{k} \sum_{h=1}^{k} \sum_{i=1}^{n_j} \sum_{r=1}^{n_h} \lvert y_{ji} - y_{hr} \rvert}{2 n^2 \mu}, \qquad G_{jj} = \frac{\sum_{i=1}^{n_j} \sum_{r=1}^{n_j} \lvert y_{ji} - y_{jr} \rvert}{2 n_j^2 \mu_j}, \qquad G_{jh} = \frac{\sum_{i=1}^{n_j} \sum_{r=1}^{n_h} \lvert y_{ji} - y_{hr} \rvert}{n_j n_h (\mu_j + \mu_h)}$$` +
      "\n\n" +
      String.raw`$$G = G_w + G_{nb} + G_t, \qquad G_w = \sum_{j=1}^{k} G_{jj} p_j s_j, \qquad G_{nb} = \sum_{j=2}^{k} \sum_{h=1}^{j-1} G_{jh} (p_j s_h + p_h s_j) D_{jh}, \qquad G_t = \sum_{j=2}^{k} \sum_{h=1}^{j-1} G_{jh} (p_j s_h + p_h s_j)(1 - D_{jh})$$` +
      "\n\n" +
      String.raw`$$p_j = \frac{n_j}{n}, \qquad s_j = \frac{n_j \mu_j}{n \mu}, \qquad D_{jh} = \frac{d_{jh} - p_{jh}}{d_{jh} + p_{jh}}$$` +
      "\n\n" +
      L(
        "where $d_{jh}$ is the mean of the positive differences $y_{ji} - y_{hr}$ over all pairs of members (region $j$ having the higher mean) and $p_{jh}$ the mean of the positive differences the other way. Transvariation $G_t$ measures the overlap: units of a lower-scoring region that score above units of a higher-scoring one.",
        "其中 $d_{jh}$ 为所有成员对中正差 $y_{ji} - y_{hr}$ 的均值（区域 $j$ 均值较高），$p_{jh}$ 为反方向正差的均值。超变密度 $G_t$ 衡量交叉重叠：得分较低区域的单元高于得分较高区域的单元。",
      ),
  });

  sections.push({
    id: "theil",
    title: L("Theil index", "泰尔指数"),
    markdown:
      String.raw`$$T = \frac{1}{n} \sum_{i=1}^{n} \frac{y_i}{\mu} \ln \frac{y_i}{\mu}, \qquad T_w = \sum_{j=1}^{k} s_j T_j, \qquad T_b = \sum_{j=1}^{k} s_j \ln \frac{\mu_j}{\mu}, \qquad T = T_w + T_b$$` +
      "\n\n" +
      L("where $T_j$ is the Theil index within region $j$ and $s_j$ its share of the total as above.", "其中 $T_j$ 为区域 $j$ 内的泰尔指数，$s_j$ 同上。"),
  });

  sections.push({
    id: "kde",
    title: L("Kernel density", "核密度估计"),
    markdown:
      L(`The density of the unit scores in each year, with the ${m.kde.kernel} kernel:`, `每年单元得分的密度，采用${m.kde.kernel === "gaussian" ? "高斯" : "Epanechnikov"}核：`) +
      "\n\n" +
      String.raw`$$\hat f(x) = \frac{1}{n h} \sum_{i=1}^{n} K\!\left(\frac{x - X_i}{h}\right), \qquad ` +
      (m.kde.kernel === "gaussian" ? String.raw`K(u) = \frac{1}{\sqrt{2\pi}} e^{-u^2/2}$$` : String.raw`K(u) = \tfrac{3}{4}(1 - u^2)\ \text{for}\ \lvert u \rvert \le 1$$`) +
      "\n\n" +
      L(`The bandwidth rule is ${m.kde.bandwidth}:`, `带宽规则为 ${m.kde.bandwidth}：`) +
      "\n\n" +
      `$$${bandwidthRules[m.kde.bandwidth] ?? "h"}$$` +
      "\n\n" +
      L(`The curve is evaluated at ${m.kde.points} points on $[\\min X - 3h, \\max X + 3h]$.`, `曲线在 $[\\min X - 3h, \\max X + 3h]$ 上的${m.kde.points}个点处计算。`),
  });

  sections.push({
    id: "jenks",
    title: L("Tiers by natural breaks", "自然断点梯队"),
    markdown:
      L(
        `Jenks' natural breaks (Fisher's exact optimum) split the sorted scores into ${m.tiers.classes} contiguous classes $c$ with the smallest within-class sum of squares; the goodness of variance fit is`,
        `Jenks自然断点法（Fisher精确最优解）将排序后的得分分为${m.tiers.classes}个连续类别 $c$，使类内平方和最小；方差拟合优度为`,
      ) +
      "\n\n" +
      String.raw`$$\mathrm{GVF} = 1 - \frac{\sum_{c} \sum_{i \in c} (x_i - \bar x_c)^2}{\sum_{i} (x_i - \bar x)^2}$$`,
  });

  sections.push({
    id: "correlation",
    title: L("Correlation", "相关系数"),
    markdown:
      L("The correlation of two indicators over all observations is Pearson's coefficient:", "两个指标在全部观测上的相关系数为皮尔逊相关系数：") +
      "\n\n" +
      String.raw`$$\rho_{jl} = \frac{\sum_i (x_{ij} - \bar x_j)(x_{il} - \bar x_l)}{\sqrt{\sum_i (x_{ij} - \bar x_j)^2 \sum_i (x_{il} - \bar x_l)^2}}$$`,
  });
  return sections;
}

export const references = [
  "Dagum, C. (1997). A new approach to the decomposition of the Gini income inequality ratio. Empirical Economics, 22(4), 515–531.",
  "Hwang, C.-L., & Yoon, K. (1981). Multiple Attribute Decision Making: Methods and Applications. Springer.",
  "Shannon, C. E. (1948). A mathematical theory of communication. Bell System Technical Journal, 27, 379–423.",
  "Theil, H. (1967). Economics and Information Theory. North-Holland.",
  "Jenks, G. F. (1967). The data model concept in statistical mapping. International Yearbook of Cartography, 7, 186–190.",
  "Fisher, W. D. (1958). On grouping for maximum homogeneity. Journal of the American Statistical Association, 53, 789–798.",
  "Silverman, B. W. (1986). Density Estimation for Statistics and Data Analysis. Chapman and Hall.",
];
