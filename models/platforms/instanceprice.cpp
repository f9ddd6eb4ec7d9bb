// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/platforms/instanceprice.h"

#include <sstream>

namespace Costscape::Models {

std::optional<InstancePrice> spotPrice(const Pricing::Ec2InstanceType &type, const std::string &os, double onDemandHourly,
                                       std::optional<double> optionSpotHourly, std::optional<double> optionSpotDiscount,
                                       std::string *ignored)
{
    if (const auto it = type.spotHourly.find(os); it != type.spotHourly.end()) {
        if (ignored && (optionSpotHourly || optionSpotDiscount))
            *ignored = optionSpotHourly ? "spotHourly" : "spotDiscount";
        return InstancePrice{it->second, "spot price from the price sheet"};
    }
    if (optionSpotHourly)
        return InstancePrice{*optionSpotHourly, "spot price given in the scenario"};
    std::ostringstream s;
    if (optionSpotDiscount) {
        s << "on-demand x (1 - " << *optionSpotDiscount << ")";
        return InstancePrice{onDemandHourly * (1 - *optionSpotDiscount), s.str()};
    }
    // The advisor's savings figure is for Linux; Windows spot prices include the licence and
    // are discounted differently, so they are not guessed.
    if (type.spotAdvisorSavingsPercent && os == "linux") {
        s << "on-demand x (1 - " << *type.spotAdvisorSavingsPercent
          << "%), the Spot Instance Advisor's average saving";
        return InstancePrice{onDemandHourly * (1 - *type.spotAdvisorSavingsPercent / 100.0), s.str()};
    }
    return std::nullopt;
}

} // namespace Costscape::Models
